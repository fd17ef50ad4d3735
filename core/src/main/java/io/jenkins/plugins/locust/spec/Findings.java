package io.jenkins.plugins.locust.spec;

import java.util.ArrayList;
import java.util.List;

/** What validation found so far: errors stop the run, warnings are shown to the user and the run goes on. */
final class Findings {
    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> warnings = new ArrayList<>();

    void error(String field, Object value, String fix) {
        errors.add(new FieldError(field, String.valueOf(value), fix));
    }

    void warn(String field, Object value, String message) {
        warnings.add(new FieldError(field, String.valueOf(value), message));
    }

    List<FieldError> errors() {
        return errors;
    }

    List<FieldError> warnings() {
        return warnings;
    }
}

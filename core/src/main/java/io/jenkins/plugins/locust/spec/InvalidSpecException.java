package io.jenkins.plugins.locust.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before anything is launched when the input has errors; carries all of them at once. */
public class InvalidSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidSpecException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return "Invalid load test input (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "):\n"
                + errors.stream().map(e -> "  - " + e).collect(Collectors.joining("\n"));
    }
}

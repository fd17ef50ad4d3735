package io.jenkins.plugins.locust.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before anything is created when a load test asks for more than an administrator allows. */
public class QuotaExceededException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> violations;

    public QuotaExceededException(List<FieldError> violations, String setBy) {
        super(describe(violations, setBy));
        this.violations = List.copyOf(violations);
    }

    public List<FieldError> getViolations() {
        return violations;
    }

    private static String describe(List<FieldError> violations, String setBy) {
        return "The load test asks for more than an administrator allows (limits set in " + setBy + "):\n"
                + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
    }
}

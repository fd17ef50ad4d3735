package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.trend.Baseline;
import java.util.Optional;

/** Jenkins-free checks behind the step's form validation: each returns the message to show, or empty when fine. */
final class FieldChecks {
    private FieldChecks() {}

    /** An optional whole number of at least 1; empty means "use the default". */
    static Optional<String> positiveWholeNumber(String field, @CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            if (Integer.parseInt(trimmed) >= 1) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below, with the value the user typed
        }
        return Optional.of(Messages.FieldChecks_PositiveWholeNumber(field, trimmed));
    }

    /** The locust file path: required. */
    static Optional<String> required(String field, @CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Messages.FieldChecks_Required(field));
        }
        return Optional.empty();
    }

    /** The backend name: empty, {@code kubernetes} or {@code local}. */
    static Optional<String> backend(@CheckForNull String value) {
        return BackendChoice.problem(value);
    }

    /** The {@code baseline} parameter: previous, lastSuccessful, a build number or none. */
    static Optional<String> baseline(@CheckForNull String value) {
        try {
            Baseline.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}

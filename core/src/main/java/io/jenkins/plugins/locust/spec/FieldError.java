package io.jenkins.plugins.locust.spec;

/** One invalid input: which field, the value given, and what to do about it. */
public record FieldError(String field, String value, String message) {
    @Override
    public String toString() {
        return field + " = '" + value + "': " + message;
    }
}

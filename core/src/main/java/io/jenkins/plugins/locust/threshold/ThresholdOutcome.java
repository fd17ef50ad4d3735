package io.jenkins.plugins.locust.threshold;

/**
 * One evaluated threshold.
 *
 * @param expression the threshold as the user wrote it
 * @param actual the measured value, formatted with its unit (e.g. {@code 812 ms}, {@code 0.4 %}), or null when skipped
 * @param limit the limit it was compared with, formatted with its unit (relative limits already resolved)
 * @param message one sentence for the user: why it passed, failed or was skipped
 */
public record ThresholdOutcome(
        String expression, String actual, String limit, OutcomeStatus status, Severity severity, String message) {}

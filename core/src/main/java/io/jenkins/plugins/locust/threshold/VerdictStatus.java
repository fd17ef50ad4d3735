package io.jenkins.plugins.locust.threshold;

/** The single verdict of a (distributed) run. */
public enum VerdictStatus {
    PASSED,
    UNSTABLE,
    FAILED
}

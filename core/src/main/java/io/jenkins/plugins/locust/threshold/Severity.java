package io.jenkins.plugins.locust.threshold;

/** What a breached threshold does to the build: mark it unstable, or fail it (the default). */
public enum Severity {
    UNSTABLE,
    FAILURE
}

package io.jenkins.plugins.locust.result;

/** A distinct error of one endpoint and how often it occurred. */
public record FailureEntry(String method, String name, String error, long occurrences) {}

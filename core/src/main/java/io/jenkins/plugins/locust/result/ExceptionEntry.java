package io.jenkins.plugins.locust.result;

import java.util.List;

/** An exception raised in user code (not a failed request), with where it happened. */
public record ExceptionEntry(long count, String message, String traceback, List<String> nodes) {
    public ExceptionEntry {
        nodes = LoadTestResult.copy(nodes, "nodes");
    }
}

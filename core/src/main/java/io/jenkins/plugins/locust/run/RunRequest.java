package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.util.Map;

/**
 * Everything a backend needs to start one run.
 *
 * @param runId unique id of this run: a DNS-1123 label, used for names and the run label
 * @param files files to place next to each other for master and workers: the user's script (and helpers) and the
 *     reporter, by relative path
 */
public record RunRequest(String runId, LoadTestSpec spec, Map<String, byte[]> files) {
    public RunRequest {
        files = Map.copyOf(files);
    }
}

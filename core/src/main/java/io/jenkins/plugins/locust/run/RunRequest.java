package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a backend needs to start one run.
 *
 * @param runId unique id of this run: a DNS-1123 label, used for names and the run label
 * @param files files to place next to each other for master and workers: the user's script (and helpers) and the
 *     reporter, by relative path
 * @param outputDirectory the run's output folder (result.json, reports); the local backend also has Locust write
 *     its CSV files there. Null when the backend need not write anything.
 */
public record RunRequest(String runId, LoadTestSpec spec, Map<String, byte[]> files, Path outputDirectory) {
    public RunRequest {
        files = Map.copyOf(files);
    }

    public RunRequest(String runId, LoadTestSpec spec, Map<String, byte[]> files) {
        this(runId, spec, files, null);
    }
}

package io.jenkins.plugins.locust.cli;

import java.nio.file.Path;

/**
 * How and where {@code loadtest run} carries out a spec: which backend, where reports go, what to compare with.
 *
 * @param baseline a previous result.json for relative thresholds, or null
 * @param python the Python with Locust for the local backend (--python), or null to resolve it as documented
 * @param kubeconfig the kubeconfig file for the Kubernetes backend, or null for the default lookup
 * @param context the kubeconfig context, or null for the current one
 * @param allowOversizedLocal run locally even beyond the machine's cores or memory (--allow-oversized-local)
 */
record RunSettings(
        BackendChoice backend,
        Path outDir,
        Path baseline,
        String python,
        Path kubeconfig,
        String context,
        boolean allowOversizedLocal) {
    /** Where the tests run. */
    enum BackendChoice {
        local,
        kubernetes
    }
}

package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.PrintWriter;
import java.util.Map;

/** Field errors and warnings as a command-line user reads them: the spec field together with its option. */
final class FieldMessages {
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("script", "SCRIPT"),
            Map.entry("locustfile", "--locustfile"),
            Map.entry("users", "--users"),
            Map.entry("slaves", "--slaves"),
            Map.entry("spawnRate", "--spawn-rate"),
            Map.entry("runTime", "--run-time"),
            Map.entry("host", "--host"),
            Map.entry("thresholds", "--threshold"),
            Map.entry("stages", "--stage"),
            Map.entry("env", "--env"),
            Map.entry("locustArgs", "--locust-arg"),
            Map.entry("tags", "--tag"),
            Map.entry("excludeTags", "--exclude-tag"),
            Map.entry("image", "--image"),
            Map.entry("processes", "--processes"),
            Map.entry("hostAliases", "--host-alias"),
            Map.entry("startTimeout", "--start-timeout"),
            Map.entry("stopTimeout", "--stop-timeout"),
            Map.entry("namespace", "--namespace"),
            Map.entry("serviceAccount", "--service-account"),
            Map.entry("imagePullSecrets", "--image-pull-secret"),
            Map.entry("maxFollowedWorkerLogs", "--max-worker-logs"),
            Map.entry("podOverlayYaml", "--pod-overlay"),
            Map.entry("masterResources.cpuRequest", "--master-cpu"),
            Map.entry("masterResources.memoryRequest", "--master-memory"),
            Map.entry("masterResources.memoryLimit", "--master-memory"),
            Map.entry("workerResources.cpuRequest", "--worker-cpu"),
            Map.entry("workerResources.cpuLimit", "--worker-cpu-limit"),
            Map.entry("workerResources.memoryRequest", "--worker-memory"),
            Map.entry("workerResources.memoryLimit", "--worker-memory"));

    private FieldMessages() {}

    static String describe(FieldError error) {
        String option = OPTIONS.get(error.field());
        return (option == null ? error.field() : error.field() + " (" + option + ")") + " = '" + error.value() + "': "
                + error.message();
    }

    static void printErrors(InvalidSpecException e, PrintWriter err) {
        int count = e.getErrors().size();
        err.println("loadtest: invalid input (" + count + (count == 1 ? " error" : " errors") + "):");
        e.getErrors().forEach(error -> err.println("  - " + describe(error)));
    }

    static void printWarnings(LoadTestSpec spec, PrintWriter err) {
        spec.warnings().forEach(warning -> err.println("loadtest: warning: " + describe(warning)));
    }
}

package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunFiles;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A small run for {@link Preflight} to dry-run when no test is at hand (the plugin's "Test connection"): one worker
 * and a two-line locustfile, with the default image and resources, so the check sees the objects a default run
 * creates.
 */
public final class PreflightSample {
    static final String RUN_ID = "preflight-check";
    private static final String LOCUSTFILE =
            "from locust import HttpUser, task\n\n\nclass Check(HttpUser):\n    @task\n    def index(self):\n"
                    + "        self.client.get(\"/\")\n";

    private PreflightSample() {}

    /** @param options the Kubernetes options a run would use (namespace, service account, overlay…) */
    public static RunRequest request(KubernetesOptions options) throws LoadTestException {
        return request(builder -> builder.kubernetes(options));
    }

    /**
     * @param settings sets what a run would use on the builder (Kubernetes options, resources, image…)
     * @throws io.jenkins.plugins.locust.spec.InvalidSpecException when a setting is invalid (naming the field)
     */
    public static RunRequest request(Consumer<LoadTestSpecBuilder> settings) throws LoadTestException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("loadtest-preflight");
            Files.writeString(dir.resolve("locustfile.py"), LOCUSTFILE, StandardCharsets.UTF_8);
            LoadTestSpecBuilder builder = LoadTestSpec.builder()
                    .workspace(dir)
                    .script("locustfile.py")
                    .slaves(1)
                    .users(1)
                    .host("http://127.0.0.1:8080");
            settings.accept(builder);
            LoadTestSpec spec = builder.build();
            return new RunRequest(RUN_ID, spec, RunFiles.of(spec));
        } catch (IOException e) {
            throw new LoadTestException("Cannot write the preflight's sample locustfile: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve("locustfile.py"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}

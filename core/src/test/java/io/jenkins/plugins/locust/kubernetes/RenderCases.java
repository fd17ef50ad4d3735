package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunFiles;
import io.jenkins.plugins.locust.run.RunIds;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.spec.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Representative specs for the golden files and the pod security checks; run ids are fixed. */
final class RenderCases {
    static final Path GOLDEN = Path.of("src/test/resources/io/jenkins/plugins/locust/kubernetes/golden");
    static final Path SCRIPTS = GOLDEN.resolve("scripts");
    /** Fixed stand-ins for the engine's Python files, so reporter edits do not churn the golden files. */
    static final Map<String, byte[]> SUPPORT_FILES = Map.of(
            RunFiles.FIX, "# version fix (stand-in)\n".getBytes(StandardCharsets.UTF_8),
            RunFiles.REPORTER, "# reporter (stand-in)\n".getBytes(StandardCharsets.UTF_8));

    record Case(String name, Supplier<RunRequest> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    private RenderCases() {}

    static Stream<Case> all() {
        return Stream.of(
                new Case("minimal", () -> request("minimal-1-abcde", spec("locustfile.py"))),
                new Case(
                        "folder",
                        () -> request("shop-7-abcde", spec("shop").users(40).slaves(2))),
                new Case(
                        "stages",
                        () -> request(
                                "stages-3-abcde",
                                spec("locustfile.py")
                                        .runTime(null)
                                        .slaves(2)
                                        .stage("1m:50:5")
                                        .stage("3m:200:20")
                                        .stage("1m:0"))),
                new Case(
                        "processes-cpu",
                        () -> request(
                                "cpu-12-abcde",
                                spec("locustfile.py")
                                        .users(1000)
                                        .slaves(3)
                                        .workerResources(new Resources("4", "4", "2Gi", "2Gi")))),
                new Case(
                        "pod-settings",
                        () -> request(
                                "pods-5-abcde",
                                spec("shop")
                                        .hostAlias("10.0.0.7=api.internal,shop.internal")
                                        .env("API_TOKEN_FILE", "/mnt/locust/token")
                                        .env("LOCUST_LOGLEVEL", "DEBUG")
                                        .tag("browse")
                                        .excludeTag("buy")
                                        .locustArg("--reset-stats")
                                        .kubernetes(new KubernetesOptions(
                                                "perf",
                                                "locust-runner",
                                                List.of("registry-cred"),
                                                Map.of("pool", "load"),
                                                null,
                                                false,
                                                4,
                                                null)))),
                new Case(
                        "web-ui",
                        () -> request("web-2-abcde", spec("locustfile.py").kubernetes(options(null, true, null)))),
                new Case(
                        "overlay",
                        () -> request(
                                "overlay-9-abcde", spec("locustfile.py").kubernetes(options(overlay(), false, null)))),
                new Case(
                        "nasty-job-name",
                        () -> request(
                                RunIds.create(
                                        "Ünïcode Team/My__Very.LONG job name (release) – nightly/main",
                                        123456,
                                        "abcde"),
                                spec("locustfile.py"))),
                new Case(
                        "build-url",
                        () -> request(
                                "shop-42-abcde",
                                spec("locustfile.py")
                                        .kubernetes(options(null, false, "https://ci.example.com/job/shop/42/")))));
    }

    static Case named(String name) {
        return all().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static LoadTestSpecBuilder spec(String script) {
        return LoadTestSpec.builder()
                .workspace(SCRIPTS)
                .script(script)
                .users(20)
                .runTime("5m")
                .host("https://staging.example.com");
    }

    static KubernetesOptions options(String overlay, boolean webUi, String buildUrl) {
        return new KubernetesOptions(null, null, List.of(), Map.of(), overlay, webUi, 4, buildUrl);
    }

    static RunRequest request(String runId, LoadTestSpecBuilder builder) {
        LoadTestSpec spec = builder.build();
        Map<String, byte[]> files;
        try {
            files = new TreeMap<>(RunFiles.of(spec));
        } catch (LoadTestException e) {
            throw new IllegalStateException(e);
        }
        files.putAll(SUPPORT_FILES);
        return new RunRequest(runId, spec, files);
    }

    /** A minimal run with this pod overlay. */
    static RunRequest withOverlay(String overlay) {
        return request("overlay-1-abcde", spec("locustfile.py").kubernetes(options(overlay, false, null)));
    }

    /** The field errors the renderer refuses this overlay with (failing when it renders). */
    static List<io.jenkins.plugins.locust.spec.FieldError> overlayErrors(String overlay) {
        RunRequest request = withOverlay(overlay);
        try {
            KubernetesRenderer.render(request);
        } catch (io.jenkins.plugins.locust.spec.InvalidSpecException e) {
            return e.getErrors();
        }
        throw new AssertionError("the overlay was accepted:\n" + overlay);
    }

    static String overlay() {
        return read(GOLDEN.resolve("overlay-pod.yaml"));
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

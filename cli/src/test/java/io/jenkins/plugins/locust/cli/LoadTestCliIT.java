package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/loadtest} as users run it: the shaded jar, a real local Locust master and workers, the demo shop. */
class LoadTestCliIT {
    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    static final Path PYTHON = Path.of(System.getProperty("locust.venv", REPOSITORY + "/.venv"), "bin", "python");

    @TempDir
    Path dir;

    final List<Process> started = new ArrayList<>();

    record Result(int exitCode, String out, String err) {}

    @BeforeAll
    static void requireTheVenvAndTheJar() {
        assertThat(PYTHON)
                .as("Locust venv missing: run `make venv` in " + REPOSITORY)
                .isExecutable();
        assertThat(REPOSITORY.resolve("cli/target/loadtest.jar"))
                .as("run `mvn package` first")
                .exists();
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    Result loadtest(String... args) throws IOException, InterruptedException {
        return loadtest(REPOSITORY.resolve("cli/target/loadtest.jar"), args);
    }

    Result loadtest(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(REPOSITORY.resolve("bin/loadtest").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPOSITORY.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LOADTEST_PYTHON", PYTHON.toString());
        builder.environment().put("LOADTEST_JAR", jar.toString());
        Process process = builder.start();
        started.add(process);
        process.getOutputStream().close();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("loadtest did not end within 180 s")
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRunTwoWorkersAgainstTheDemoShopAndCountWhatTheShopCounted() throws Exception {
        Path out = dir.resolve("run");
        JsonNode result;
        JsonNode shop;
        Result run;
        try (DemoTargetProcess target = DemoTargetProcess.start(REPOSITORY)) {
            run = loadtest(
                    "run",
                    "examples/locustfile.py",
                    "--users",
                    "6",
                    "--spawn-rate",
                    "6",
                    "--slaves",
                    "2",
                    "--run-time",
                    "9s",
                    "--host",
                    target.url(),
                    "--threshold",
                    "p95 < 2s",
                    "--threshold",
                    "fail_ratio < 50%",
                    "--out",
                    out.toString());
            shop = new ObjectMapper().readTree(target.stats());
        }
        result = new ObjectMapper().readTree(out.resolve("result.json").toFile());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("PASSED: 2 of 2 thresholds held")
                .contains("Report: " + out.resolve("report.html"));
        assertThat(run.err()).contains("[worker-1]").contains("[worker-2]");
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(out.resolve("report.css")).isNotEmptyFile();
        assertThat(out.resolve("junit.xml")).content().contains("p95 &lt; 2s");
        long measured = result.path("aggregated").path("requests").asLong();
        long served = shop.path("requests").asLong();
        System.out.printf("Locust counted %d requests, the shop served %d%n", measured, served);
        assertThat(measured).isPositive();
        // Requests still in flight when Locust stops are served but not counted.
        assertThat(measured).isBetween(served - 12, served);
        assertThat(result.path("workers").size()).isEqualTo(2);

        Result stricter = loadtest(
                "report",
                out.resolve("result.json").toString(),
                "--threshold",
                "p50 < 1ms",
                "--out",
                dir.resolve("stricter").toString());
        assertThat(stricter.exitCode()).isEqualTo(1);
        assertThat(stricter.out())
                .contains("breached: p50 < 1ms (FAILURE)")
                .contains("FAILED: 1 of 1 threshold breached");

        Result unstable = loadtest(
                "report",
                out.resolve("result.json").toString(),
                "--threshold",
                "p50 < 1ms unstable",
                "--out",
                dir.resolve("unstable").toString());
        assertThat(unstable.exitCode()).isZero();
        assertThat(unstable.err()).contains("loadtest: warning: unstable-level thresholds were breached");
    }

    @Test
    void shouldExitTwoWhenThePythonHasNoLocust() throws Exception {
        Result run = loadtest(
                "run",
                "examples/locustfile.py",
                "--python",
                dir.resolve("no-python").toString(),
                "-t",
                "5s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("loadtest: Locust is not importable with " + dir.resolve("no-python"));
    }

    @Test
    void shouldExitTwoAndSayHowToBuildWhenTheJarIsMissing() throws Exception {
        Result run = loadtest(dir.resolve("missing.jar"), "--version");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("missing.jar") + " not found; build it with 'make cli'");
    }

    @Test
    void shouldValidateThroughTheWrapper() throws Exception {
        Result run = loadtest("validate", "examples/locustfile.py", "--users", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("users (--users) = '0'");
    }
}

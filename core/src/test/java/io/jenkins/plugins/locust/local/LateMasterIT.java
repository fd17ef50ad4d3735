package io.jenkins.plugins.locust.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.run.LocustCommandLine;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunFiles;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A master that starts late (its node is still being added): Locust's workers give up after 60 tries of 5 s
 * (5 minutes, then exit 255) whatever the run's start timeout. With the run's files, a real worker of each supported
 * Locust keeps trying as long as the start timeout: its own log line says how many tries it will make.
 */
class LateMasterIT {
    private static final Pattern RETRY = Pattern.compile("retry (\\d+)/(\\d+)");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"venv", "/usr/bin/python3"})
    void shouldKeepTryingToReachTheMasterForTheWholeStartTimeout(String python) throws Exception {
        // given the run's files for a 15-minute start timeout, and a master port nobody listens on
        LocustInstallation locust =
                "venv".equals(python) ? LocustInstallation.forTests() : LocustInstallation.probe(Path.of(python));
        assertThat(locust.available()).as(locust.problem()).isTrue();
        LoadTestSpec spec = LoadTestSpec.builder()
                .script(TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS).toString())
                .startTimeout("15m")
                .build();
        Path files = Files.createDirectory(dir.resolve("files"));
        for (Map.Entry<String, byte[]> file : RunFiles.of(spec).entrySet()) {
            Files.write(files.resolve(file.getKey()), file.getValue());
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(locust.command());
        command.addAll(LocustCommandLine.worker(
                spec,
                files.toString(),
                "127.0.0.1",
                closedPort,
                locust.version().orElseThrow()));
        command.addAll(List.of("--loglevel", "DEBUG"));

        // when the worker tries to connect
        Process worker = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            CompletableFuture<String> retryLine = CompletableFuture.supplyAsync(() -> firstRetryLine(worker));
            String line = retryLine.get(60, TimeUnit.SECONDS);

            // then it plans 15 min / 5 s = 180 tries (and one more), not Locust's 60
            Matcher retry = RETRY.matcher(line);
            assertThat(retry.find()).as(line).isTrue();
            assertThat(Integer.parseInt(retry.group(2))).as(line).isEqualTo(181);
            assertThat(worker.isAlive()).isTrue();
        } finally {
            worker.destroyForcibly();
            worker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String firstRetryLine(Process worker) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (RETRY.matcher(line).find()) {
                    return line;
                }
            }
            return "(the worker ended without trying to connect)";
        } catch (IOException e) {
            return "(its output could not be read: " + e + ")";
        }
    }
}

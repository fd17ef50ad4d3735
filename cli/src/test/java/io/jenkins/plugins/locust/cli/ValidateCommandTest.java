package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    String script;

    @BeforeEach
    void writeLocustfile() throws IOException {
        script = TestScripts.locustfile(dir);
    }

    @Test
    void shouldSayOkAndExitZeroForValidInput() {
        CliRun run = CliRun.of("validate", script, "-u", "20", "-s", "2", "-t", "30s", "-H", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("OK: " + script + " (entry locustfile.py): 20 users for 30s on 2 workers, host"
                        + " http://127.0.0.1:1, 0 thresholds\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldListEveryErrorWithItsOptionAndExitTwo() {
        CliRun run = CliRun.of(
                "validate",
                dir.resolve("missing.py").toString(),
                "--users",
                "0",
                "--run-time",
                "5",
                "--host",
                "example.com",
                "--locust-arg=--headless",
                "--image",
                "locustio/locust");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("loadtest: invalid input (6 errors):\n")
                .contains("  - script (SCRIPT) = '" + dir.resolve("missing.py") + "': there is no file or folder at")
                .contains("  - users (--users) = '0': set users to the number of simulated users, at least 1")
                .contains("  - runTime (--run-time) = '5': use a duration with a unit such as 30s, 5m or 1h30m")
                .contains("  - host (--host) = 'example.com': the URL must start with http:// or https://")
                .contains("  - locustArgs (--locust-arg) = '--headless': --headless is set by the load test itself")
                .contains("  - image (--image) = 'locustio/locust': the image has no tag");
    }

    @Test
    void shouldReportEachBadThresholdWithItsPosition() {
        CliRun run = CliRun.of(
                "validate",
                script,
                "--threshold",
                "p95 < 500ms",
                "--threshold",
                "p95 <",
                "--threshold",
                "latency < 1s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("loadtest: invalid input (2 errors):\n")
                .contains("  - thresholds (--threshold) = 'p95 <': ")
                .contains("  - thresholds (--threshold) = 'latency < 1s': ");
    }

    @Test
    void shouldPrintWarningsButStillPass() {
        CliRun run = CliRun.of("validate", script, "--users", "1", "--slaves", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .isEqualTo("loadtest: warning: users (--users) = '1': 1 user for 3 Locust workers (slaves ×"
                        + " processes): 2 workers will stay idle; raise users or lower slaves\n");
    }

    @Test
    void shouldExitTwoWithUsageForAnUnknownOption() {
        CliRun run = CliRun.of("validate", script, "--userz", "5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--userz', '5'").contains("Possible solutions: --users");
    }

    @Test
    void shouldExitTwoWhenTheScriptIsMissing() {
        CliRun run = CliRun.of("validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'SCRIPT'");
    }
}

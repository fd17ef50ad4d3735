package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.RunInfo;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    String script;
    final List<LoadTestSpec> launched = new ArrayList<>();
    final List<RunSettings> settings = new ArrayList<>();

    @BeforeEach
    void writeLocustfile() throws IOException {
        script = TestScripts.locustfile(dir);
    }

    RunLauncher returning(VerdictStatus status, ThresholdOutcome... outcomes) {
        return (spec, runSettings, console) -> {
            launched.add(spec);
            settings.add(runSettings);
            console.println("[master] Locust output");
            LoadTestResult result = new LoadTestResult(
                    LoadTestResult.SCHEMA_VERSION,
                    new RunInfo("run-1", "local", "2.47.0", spec.host(), spec.users(), 1, 30, null, 0),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    List.of());
            return new RunOutcome(result, new Verdict(status, List.of(outcomes)), runSettings.outDir());
        };
    }

    static ThresholdOutcome outcome(String expression, OutcomeStatus status, Severity severity) {
        return new ThresholdOutcome(expression, "812 ms", "500 ms", status, severity, "p95 was 812 ms, limit 500 ms");
    }

    @Test
    void shouldExitZeroAndPrintTheReportPathWhenEveryThresholdHolds() {
        CliRun run = CliRun.withLauncher(
                returning(VerdictStatus.PASSED, outcome("p95 < 500ms", OutcomeStatus.PASSED, Severity.FAILURE)),
                "run",
                script,
                "--out",
                dir.resolve("out").toString(),
                "--threshold",
                "p95 < 500ms");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("PASSED: 1 of 1 threshold held\nReport: " + dir.resolve("out/report.html") + "\n");
        assertThat(run.err()).isEqualTo("[master] Locust output\n");
    }

    @Test
    void shouldExitOneWhenAFailureLevelThresholdIsBreached() {
        CliRun run = CliRun.withLauncher(
                returning(VerdictStatus.FAILED, outcome("p95 < 500ms", OutcomeStatus.FAILED, Severity.FAILURE)),
                "run",
                script);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("  breached: p95 < 500ms (FAILURE): p95 was 812 ms, limit 500 ms\n"
                        + "FAILED: 1 of 1 threshold breached\n");
    }

    @Test
    void shouldExitZeroWithAWarningWhenOnlyUnstableThresholdsAreBreached() {
        CliRun run = CliRun.withLauncher(
                returning(
                        VerdictStatus.UNSTABLE,
                        outcome("p95 < 500ms unstable", OutcomeStatus.FAILED, Severity.UNSTABLE)),
                "run",
                script);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("UNSTABLE (warning, exit 0): 1 of 1 threshold breached, all of them unstable-level");
        assertThat(run.err()).contains("loadtest: warning: unstable-level thresholds were breached (exit code 0)");
    }

    @Test
    void shouldSaySoWhenNoThresholdsWereGiven() {
        CliRun run = CliRun.withLauncher(returning(VerdictStatus.PASSED), "run", script);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("PASSED (no thresholds given; the guard rails' defaults judged the run)\n");
    }

    @Test
    void shouldExitTwoWithTheReasonWhenTheRunCannotBeCarriedOut() {
        CliRun run = CliRun.withLauncher(
                (spec, runSettings, console) -> {
                    throw new LoadTestException("Only 1 of 2 Locust workers connected within startTimeout (5m).");
                },
                "run",
                script);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("loadtest: Only 1 of 2 Locust workers connected within startTimeout (5m).\n");
    }

    @Test
    void shouldExitTwoBeforeLaunchingWhenTheInputIsInvalid() {
        CliRun run =
                CliRun.withLauncher(returning(VerdictStatus.PASSED), "run", script, "--users", "0", "--slaves", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("loadtest: invalid input (2 errors):");
        assertThat(launched).isEmpty();
    }

    @Test
    void shouldPassTheRunSettingsToTheLauncher() {
        CliRun run = CliRun.withLauncher(
                returning(VerdictStatus.PASSED),
                "run",
                script,
                "--backend",
                "kubernetes",
                "--out",
                "x",
                "--baseline",
                "old/result.json",
                "--python",
                "/opt/py",
                "--kubeconfig",
                "/k/config",
                "--context",
                "staging",
                "-u",
                "7");

        assertThat(run.exitCode()).isZero();
        assertThat(settings)
                .containsExactly(new RunSettings(
                        RunSettings.BackendChoice.kubernetes,
                        Path.of("x"),
                        Path.of("old/result.json"),
                        "/opt/py",
                        Path.of("/k/config"),
                        "staging",
                        false));
        assertThat(launched).singleElement().extracting(LoadTestSpec::users).isEqualTo(7);
    }

    @Test
    void shouldRejectAnUnknownBackend() {
        CliRun run = CliRun.withLauncher(returning(VerdictStatus.PASSED), "run", script, "--backend", "docker");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--backend'").contains("local, kubernetes");
    }
}

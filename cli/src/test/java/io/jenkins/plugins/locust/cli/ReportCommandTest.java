package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.result.ResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    Path resultJson;

    @BeforeEach
    void writeAResult() throws IOException {
        resultJson = dir.resolve("run/result.json");
        Files.createDirectories(resultJson.getParent());
        ResultJson.write(ResultFixtures.realistic(), resultJson);
    }

    @Test
    void shouldWriteEveryReportAndExitZeroWhenTheThresholdsHold() {
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("report", resultJson.toString(), "--threshold", "p95 < 5s", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("result.json")).isNotEmptyFile();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(out.resolve("report.css")).isNotEmptyFile();
        assertThat(out.resolve("junit.xml")).content().contains("p95 &lt; 5s");
        // the fixture lost a worker and has failed requests and exceptions: the guard rails' defaults warn
        assertThat(run.out())
                .startsWith("Load test UNSTABLE: 2,300 requests")
                .contains("UNSTABLE (warning, exit 0): 1 of 1 threshold held; guard rails: 3 unstable")
                .endsWith("Report: " + out.resolve("report.html") + "\n");
    }

    @Test
    void shouldWriteNextToTheResultWithoutOut() {
        CliRun run = CliRun.of("report", resultJson.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(resultJson.resolveSibling("report.html")).isNotEmptyFile();
    }

    @Test
    void shouldExitOneWhenAFailureLevelThresholdIsBreached() {
        CliRun run = CliRun.of("report", resultJson.toString(), "--threshold", "GET /api/cart: fail_ratio < 1%");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("  breached: GET /api/cart: fail_ratio < 1% (FAILURE): ")
                .contains("FAILED: 1 of 1 threshold breached");
    }

    @Test
    void shouldExitZeroWithAWarningWhenOnlyUnstableThresholdsAreBreached() {
        CliRun run = CliRun.of("report", resultJson.toString(), "--threshold", "p50 < 1ms unstable");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("UNSTABLE (warning, exit 0)");
        assertThat(run.err()).contains("loadtest: warning: unstable-level thresholds were breached");
    }

    @Test
    void shouldCompareWithABaselineResult() {
        CliRun withBaseline = CliRun.of(
                "report", resultJson.toString(), "--baseline", resultJson.toString(), "--threshold", "p95 <= baseline");
        CliRun without = CliRun.of("report", resultJson.toString(), "--threshold", "p95 <= baseline");

        assertThat(withBaseline.exitCode()).isZero();
        assertThat(withBaseline.out()).contains(": 1 of 1 threshold held");
        assertThat(without.exitCode()).isZero();
        assertThat(without.out()).contains("SKIPPED").contains(": 0 of 1 threshold held, 1 skipped");
    }

    @Test
    void shouldExitTwoWhenTheResultIsMissingOrNotAResult() throws IOException {
        Path notAResult = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");

        CliRun missing = CliRun.of("report", dir.resolve("nope.json").toString());
        CliRun wrong = CliRun.of("report", notAResult.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .isEqualTo("loadtest: RESULT_JSON " + dir.resolve("nope.json")
                        + ": no such file; give the result.json of a finished run\n");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err())
                .isEqualTo("loadtest: RESULT_JSON " + notAResult
                        + " is not a load test result: it has no schemaVersion (expected 1)\n");
    }

    @Test
    void shouldNameTheFieldOfAHandEditedResultInsteadOfFailingWithANullPointer() throws IOException {
        // given the result of a run with its aggregated section removed by hand
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(resultJson.toFile());
        tree.putNull("aggregated");
        Path edited = Files.writeString(dir.resolve("edited.json"), json.writeValueAsString(tree));

        // when
        CliRun run = CliRun.of(
                "report", edited.toString(), "--out", dir.resolve("edited").toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("loadtest: RESULT_JSON " + edited + ": aggregated is missing or null; a result written by a"
                        + " run always has it. The file was changed or cut short; use the result.json a run wrote.\n");
    }

    @Test
    void shouldExitTwoForAMissingBaseline() {
        CliRun run = CliRun.of(
                "report",
                resultJson.toString(),
                "--baseline",
                dir.resolve("old.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--baseline " + dir.resolve("old.json") + ": no such file");
    }

    @Test
    void shouldRejectInvalidThresholdsBeforeReadingAnything() {
        CliRun run = CliRun.of("report", dir.resolve("nope.json").toString(), "--threshold", "p95 < 800");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("loadtest: invalid input (1 error):\n  - thresholds (--threshold) = 'p95 < 800': at"
                        + " position 10 expected a unit (ms, s)");
    }
}

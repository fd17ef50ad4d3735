package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.ThresholdEvaluator;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictJsonTest {
    @TempDir
    Path folder;

    @Test
    void shouldReadBackTheVerdictAResultFileWasWrittenWith() throws Exception {
        // given a run judged with a passing and a failing threshold, written as every run writes it
        LoadTestResult result = ReportFixture.result();
        Verdict verdict =
                ThresholdEvaluator.judge(List.of("p95 < 2s", "fail_ratio < 0.1% unstable"), result, Optional.empty());
        ReportWriter.writeAll(result, verdict, folder);

        // when
        Verdict read = VerdictJson.read(folder.resolve("result.json"));

        // then guard rails and thresholds come back as they were
        assertThat(read).isEqualTo(verdict);
        assertThat(read.guardRails()).isNotEmpty();
    }

    @Test
    void shouldRefuseAResultWithoutAVerdict() throws Exception {
        // given
        Path file = Files.writeString(folder.resolve("result.json"), "{\"schemaVersion\":1}");

        // when / then
        assertThatThrownBy(() -> VerdictJson.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no verdict");
    }
}

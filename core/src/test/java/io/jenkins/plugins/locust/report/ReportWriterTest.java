package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path folder;

    @Test
    void shouldWriteResultReportStylesheetAndJunit() throws Exception {
        LoadTestResult result = ReportFixture.result();
        Path out = folder.resolve("loadtest");

        var files = ReportWriter.writeAll(result, ReportFixture.verdict(result), out);

        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("result.json", "report.html", "report.css", "junit.xml");
        assertThat(ResultJson.read(out.resolve("result.json"))).isEqualTo(result);
        assertThat(Files.readString(out.resolve("report.html"))).contains("href=\"report.css\"");
        assertThat(Files.readString(out.resolve("report.css"))).contains("svg.chart .line");
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("<testsuite name=\"Load test thresholds\"");
    }
}

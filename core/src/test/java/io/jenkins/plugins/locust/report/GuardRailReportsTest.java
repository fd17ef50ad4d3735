package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.threshold.ThresholdEvaluator;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The guard rails appear next to the thresholds in every output, the same way (issue 7). */
class GuardRailReportsTest {
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @TempDir
    Path folder;

    /** The realistic run (a lost worker, failed requests, exceptions) judged with one threshold. */
    private static Verdict judged(LoadTestResult result, String... thresholds) {
        return ThresholdEvaluator.judge(List.of(thresholds), result, Optional.empty());
    }

    @Test
    void shouldListTheGuardRailsBeforeTheThresholdsInEveryOutput() throws Exception {
        // given
        LoadTestResult result = ReportFixture.result();
        Verdict verdict = judged(result, "p95 < 2s");

        // when
        ReportWriter.writeAll(result, verdict, folder);

        // then: the console
        String console = ConsoleSummary.render(result, verdict);
        assertThat(console)
                .contains("Guard rails:" + System.lineSeparator() + "  PASSED  requests were made: 2,300 requests made")
                .contains("  FAILED  workers stayed to the end: 1 of 2 workers stopped answering the master")
                .contains("Thresholds:" + System.lineSeparator() + "  PASSED  p95 < 2s");
        // junit.xml: one testcase per rail, failures typed by severity
        Document xml = ReportFixture.parse(Files.readString(folder.resolve("junit.xml")));
        assertThat(XPATH.evaluate("/testsuite/@tests", xml)).isEqualTo("6");
        assertThat(XPATH.evaluate("/testsuite/@failures", xml)).isEqualTo("3");
        assertThat(XPATH.evaluate("count(//testcase[@classname='loadtest.guardrails'])", xml))
                .isEqualTo("5");
        assertThat(XPATH.evaluate("//testcase[@name='guard rail: workers stayed to the end']/failure/@type", xml))
                .isEqualTo("UNSTABLE");
        assertThat(XPATH.evaluate("//testcase[6]/@classname", xml)).isEqualTo("loadtest.thresholds");
        // report.html: its own table before the thresholds
        String html = Files.readString(folder.resolve("report.html"));
        assertThat(html).contains("<h2>Guard rails</h2>").contains("<table class=\"guardrails\">");
        assertThat(html.indexOf("<table class=\"guardrails\">"))
                .isLessThan(html.indexOf("<table class=\"thresholds\">"));
        // result.json: the verdict next to the result, which still reads back unchanged
        JsonNode json =
                new ObjectMapper().readTree(folder.resolve("result.json").toFile());
        assertThat(json.path("verdict").path("status").asText()).isEqualTo("UNSTABLE");
        assertThat(json.path("verdict")
                        .path("guardRails")
                        .get(1)
                        .path("message")
                        .asText())
                .startsWith("1 of 2 workers stopped answering the master");
        assertThat(json.path("verdict")
                        .path("thresholds")
                        .get(0)
                        .path("expression")
                        .asText())
                .isEqualTo("p95 < 2s");
        assertThat(ResultJson.read(folder.resolve("result.json"))).isEqualTo(result);
    }

    @Test
    void shouldSayWhichDefaultsJudgedARunWithoutThresholds() {
        // given
        LoadTestResult result = ReportFixture.result();
        Verdict verdict = judged(result);

        // then
        assertThat(ConsoleSummary.render(result, verdict))
                .contains("Thresholds: none given; the guard rails' defaults judged the run (docs/thresholds.md).");
        assertThat(HtmlReport.render(result, verdict))
                .contains("No thresholds were set: the guard rails' defaults judged the run.");
    }
}

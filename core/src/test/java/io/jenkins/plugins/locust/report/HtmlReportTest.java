package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.FailureEntry;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.result.RunInfo;
import io.jenkins.plugins.locust.threshold.ThresholdEvaluator;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlReportTest {
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    private static String text(Document page, String path) throws Exception {
        return XPATH.evaluate(path, page).trim();
    }

    private static double count(Document page, String path) throws Exception {
        return (Double) XPATH.evaluate("count(" + path + ")", page, XPathConstants.NUMBER);
    }

    @Test
    void shouldShowVerdictFiguresChartsAndEveryTable() throws Exception {
        LoadTestResult result = ReportFixture.result();

        Document page = ReportFixture.parse(HtmlReport.render(result, ReportFixture.verdict(result)));

        assertThat(text(page, "//header/h1")).isEqualTo("Load test FAILED");
        assertThat(text(page, "//header/@class")).isEqualTo("verdict verdict-failed");
        assertThat(text(page, "//link/@href")).isEqualTo("report.css");
        assertThat(text(page, "//dl[@class='figures']/div[1]/dd")).isEqualTo("2,300");
        assertThat(count(page, "//section[@id='charts']//*[local-name()='svg']"))
                .isEqualTo(3);
        assertThat(count(page, "//*[local-name()='polyline']")).isEqualTo(6);
        assertThat(count(page, "//table[@class='thresholds']/tbody/tr")).isEqualTo(5);
        assertThat(text(page, "//table[@class='thresholds']/tbody/tr[3]/td[1]")).isEqualTo("SKIPPED");
        assertThat(count(page, "//table[@class='endpoints']/tbody/tr")).isEqualTo(3);
        assertThat(text(page, "//table[@class='endpoints']/tfoot/tr/th[2]")).isEqualTo("Aggregated");
        assertThat(count(page, "//table[@class='failures']/tbody/tr")).isEqualTo(2);
        assertThat(text(page, "//table[@class='exceptions']//pre")).contains("KeyError: 'token'");
        assertThat(text(page, "//table[@class='workers']/tbody/tr[2]/@class")).isEqualTo("suspect");
        assertThat(text(page, "//table[@class='timings']/tbody/tr[2]/td[3]")).isEqualTo("4.0 s");
        assertThat(text(page, "//ul[@class='warnings']/li")).startsWith("worker-2 went missing");
    }

    @Test
    void shouldEscapeEveryTextFromTheRun() throws Exception {
        String evil = "<script>alert('x')</script>";
        EndpointStats endpoint = ResultFixtures.endpoint("GET", evil, 1, 10, 5, 6);
        LoadTestResult base = ResultFixtures.result(endpoint);
        LoadTestResult result = new LoadTestResult(
                base.schemaVersion(),
                new RunInfo(evil, "local", "2.47.0", "http://127.0.0.1/\"><img src=x>", 1, 1, 10, evil, 0),
                base.aggregated(),
                base.endpoints(),
                base.timeline(),
                List.of(new FailureEntry("GET", evil, "<img src=x onerror=alert(1)>", 1)),
                List.of(),
                List.of(),
                base.timings(),
                List.of(evil));
        Verdict verdict = ThresholdEvaluator.evaluate(List.of(evil + ": p95 < 1s"), result, Optional.empty());

        String html = HtmlReport.render(result, verdict);

        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;alert(&#39;x&#39;)");
        Document page = ReportFixture.parse(html);
        assertThat(text(page, "//table[@class='endpoints']/tbody/tr/td[2]")).isEqualTo(evil);
        assertThat(text(page, "//header/p[@class='abort']")).isEqualTo("Stopped early: " + evil);
    }

    @Test
    void shouldUseNoInlineStyleNoScriptAndNoEventHandlers() {
        LoadTestResult result = ReportFixture.result();

        String html = HtmlReport.render(result, ReportFixture.verdict(result));

        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("\\son\\w+=")
                .doesNotContain("javascript:")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void shouldSayWhatIsMissingInAnEmptyRun() throws Exception {
        LoadTestResult empty = ResultFixtures.result();
        List<String> none = new ArrayList<>();

        Document page = ReportFixture.parse(
                HtmlReport.render(empty, ThresholdEvaluator.evaluate(none, empty, Optional.empty())));

        assertThat(text(page, "//header/h1")).isEqualTo("Load test PASSED");
        assertThat(text(page, "//section[@id='thresholds']/p")).isEqualTo("No thresholds were set.");
        assertThat(text(page, "//section[@id='endpoints']/p")).isEqualTo("No requests were made.");
        assertThat(count(page, "//*[local-name()='text'][.='no data']")).isEqualTo(3);
    }
}

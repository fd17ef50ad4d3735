package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.result.LoadTestResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class JunitReportTest {
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @Test
    void shouldWriteOneTestcasePerThresholdWithFailuresAndSkips() throws Exception {
        LoadTestResult result = ReportFixture.result();

        Document xml = ReportFixture.parse(JunitReport.render(ReportFixture.verdict(result)));

        assertThat(XPATH.evaluate("/testsuite/@tests", xml)).isEqualTo("5");
        assertThat(XPATH.evaluate("/testsuite/@failures", xml)).isEqualTo("2");
        assertThat(XPATH.evaluate("/testsuite/@skipped", xml)).isEqualTo("1");
        assertThat(XPATH.evaluate("count(//testcase)", xml)).isEqualTo("5");
        assertThat(XPATH.evaluate("//testcase[1]/@name", xml)).isEqualTo("p95 < 2s");
        assertThat(XPATH.evaluate("count(//testcase[1]/*)", xml)).isEqualTo("0");
        assertThat(XPATH.evaluate("//testcase[2]/failure/@type", xml)).isEqualTo("UNSTABLE");
        assertThat(XPATH.evaluate("//testcase[2]/failure/@message", xml))
                .isEqualTo("fail_ratio of 'GET /api/cart' is 2.50 %, breaching < 1.00 %");
        assertThat(XPATH.evaluate("//testcase[3]/skipped/@message", xml)).startsWith("not evaluated");
        assertThat(XPATH.evaluate("//testcase[4]/failure/@type", xml)).isEqualTo("FAILURE");
        assertThat(XPATH.evaluate("//testcase[4]/failure", xml)).contains("actual: —");
    }
}

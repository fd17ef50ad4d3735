package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.threshold.ThresholdEvaluator;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** The realistic result with thresholds of every outcome, and an XML view of what the writers produce. */
final class ReportFixture {
    static final List<String> THRESHOLDS = List.of(
            "p95 < 2s",
            "GET /api/cart: fail_ratio < 1% unstable",
            "p95 <= baseline + 10%",
            "GET /missing: p99 < 1s",
            "rps > 1");

    private ReportFixture() {}

    static LoadTestResult result() {
        return ResultFixtures.realistic();
    }

    static Verdict verdict(LoadTestResult result) {
        return ThresholdEvaluator.evaluate(THRESHOLDS, result, Optional.empty());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}

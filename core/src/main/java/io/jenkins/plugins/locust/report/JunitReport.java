package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;

/**
 * The verdict as JUnit XML: one testcase per guard rail (class {@code loadtest.guardrails}) and per threshold
 * ({@code loadtest.thresholds}); breached ones as {@code <failure>}, skipped ones as {@code <skipped>}, so CI tools
 * that read test results show both the same way.
 */
public final class JunitReport {
    static final String SUITE = "Load test thresholds";
    static final String GUARD_RAILS = "loadtest.guardrails";
    static final String THRESHOLDS = "loadtest.thresholds";

    private JunitReport() {}

    public static String render(Verdict verdict) {
        long failures = count(verdict, OutcomeStatus.FAILED);
        long skipped = count(verdict, OutcomeStatus.SKIPPED);
        int tests = verdict.checks().size();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"")
                .append(SUITE)
                .append("\" tests=\"")
                .append(tests)
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"")
                .append(skipped)
                .append("\">\n");
        verdict.guardRails().forEach(outcome -> testcase(xml, GUARD_RAILS, outcome));
        verdict.outcomes().forEach(outcome -> testcase(xml, THRESHOLDS, outcome));
        return xml.append("</testsuite>\n").toString();
    }

    private static void testcase(StringBuilder xml, String classname, ThresholdOutcome outcome) {
        xml.append("  <testcase classname=\"")
                .append(classname)
                .append("\" name=\"")
                .append(Html.escape(outcome.expression()))
                .append("\"");
        String message = Html.escape(outcome.message());
        switch (outcome.status()) {
            case PASSED -> xml.append("/>\n");
            case SKIPPED ->
                xml.append(">\n    <skipped message=\"").append(message).append("\"/>\n  </testcase>\n");
            case FAILED ->
                xml.append(">\n    <failure type=\"")
                        .append(outcome.severity().name())
                        .append("\" message=\"")
                        .append(message)
                        .append("\">")
                        .append(message)
                        .append("\nactual: ")
                        .append(Html.escape(HtmlReport.dash(outcome.actual())))
                        .append("\nlimit: ")
                        .append(Html.escape(HtmlReport.dash(outcome.limit())))
                        .append("</failure>\n  </testcase>\n");
        }
    }

    private static long count(Verdict verdict, OutcomeStatus status) {
        return verdict.checks().stream().filter(o -> o.status() == status).count();
    }
}

package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.RunInfo;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The standalone report page: one HTML file next to report.css, readable offline and inside Jenkins under its
 * default content security policy — no script, no inline style, charts drawn as SVG here. All text is escaped.
 */
public final class HtmlReport {
    public static final String STYLESHEET = "report.css";

    private HtmlReport() {}

    public static String render(LoadTestResult result, Verdict verdict) {
        RunInfo run = result.run();
        String status = verdict.status().name();
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Load test ")
                .append(Html.escape(status))
                .append(" — ")
                .append(Html.escape(run.runId()))
                .append("</title>\n<link rel=\"stylesheet\" href=\"")
                .append(STYLESHEET)
                .append("\"/>\n</head>\n<body>\n");
        header(html, result, verdict);
        summary(html, result.aggregated());
        if (!verdict.guardRails().isEmpty()) {
            section(html, "guardrails", "Guard rails", outcomes("guardrails", "Check", verdict.guardRails()));
        }
        section(html, "thresholds", "Thresholds", thresholds(verdict));
        section(html, "charts", "Over time", charts(result));
        section(html, "endpoints", "Endpoints", ReportSections.endpoints(result));
        section(html, "failures", "Failures", ReportSections.failures(result));
        section(html, "exceptions", "Exceptions", ReportSections.exceptions(result));
        section(html, "workers", "Workers", ReportSections.workers(result));
        section(html, "timings", "Timings", ReportSections.timings(result));
        section(html, "warnings", "Warnings", ReportSections.warnings(result));
        html.append("<footer>Locust Load Test report, result schema ")
                .append(result.schemaVersion())
                .append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, LoadTestResult result, Verdict verdict) {
        RunInfo run = result.run();
        html.append("<header class=\"verdict verdict-")
                .append(verdict.status().name().toLowerCase(Locale.ROOT))
                .append("\">\n<h1>Load test ")
                .append(verdict.status().name())
                .append("</h1>\n<p class=\"run\">")
                .append(Html.escape(String.format(
                        Locale.ROOT,
                        "%s · %s backend · Locust %s · %s · %d users · %d workers · %s",
                        Objects.toString(run.runId(), "unnamed run"),
                        Objects.toString(run.backend(), "unknown"),
                        Objects.toString(run.locustVersion(), "(version unknown)"),
                        run.host() == null || run.host().isEmpty() ? "host from the locustfile" : run.host(),
                        run.users(),
                        run.expectedWorkers(),
                        Html.clock(run.runTimeSeconds()))))
                .append("</p>\n");
        if (run.loadShape() != null) {
            html.append("<p class=\"shape\">Load shape ")
                    .append(Html.escape(run.loadShape()))
                    .append(" from the locustfile set users and duration</p>\n");
        }
        if (run.abortReason() != null) {
            html.append("<p class=\"abort\">Stopped early: ")
                    .append(Html.escape(run.abortReason()))
                    .append("</p>\n");
        }
        if (run.locustExitCode() != null && run.locustExitCode() != 0) {
            html.append("<p class=\"exit\">Locust exited with code ")
                    .append(run.locustExitCode())
                    .append("</p>\n");
        }
        html.append("</header>\n");
    }

    private static void summary(StringBuilder html, EndpointStats total) {
        html.append("<section id=\"summary\">\n<dl class=\"figures\">\n");
        figure(html, "Requests", Html.count(total.requests()));
        figure(html, "Failures", Html.count(total.failures()) + " (" + Html.percent(total.failRatio()) + " %)");
        figure(html, "Requests/s", Html.rate(total.rps()));
        figure(html, "Average", Html.ms(total.avgMs()) + " ms");
        figure(html, "p50", total.percentiles().p50() + " ms");
        figure(html, "p95", total.percentiles().p95() + " ms");
        figure(html, "p99", total.percentiles().p99() + " ms");
        figure(html, "Max", Html.ms(total.maxMs()) + " ms");
        html.append("</dl>\n</section>\n");
    }

    private static void figure(StringBuilder html, String name, String value) {
        html.append("<div><dt>")
                .append(Html.escape(name))
                .append("</dt><dd>")
                .append(Html.escape(value))
                .append("</dd></div>\n");
    }

    private static String thresholds(Verdict verdict) {
        if (verdict.outcomes().isEmpty()) {
            return "<p class=\"none\">No thresholds were set"
                    + (verdict.guardRails().isEmpty() ? "" : ": the guard rails' defaults judged the run") + ".</p>\n";
        }
        return outcomes("thresholds", "Threshold", verdict.outcomes());
    }

    private static String outcomes(String css, String what, List<ThresholdOutcome> outcomes) {
        Table table = new Table(css, List.of("Result", what, "Actual", "Limit", "Severity", "Detail"));
        for (ThresholdOutcome outcome : outcomes) {
            String status = outcome.status().name();
            table.row(
                    "outcome-" + status.toLowerCase(Locale.ROOT),
                    List.of(
                            status,
                            outcome.expression(),
                            dash(outcome.actual()),
                            dash(outcome.limit()),
                            outcome.severity().name().toLowerCase(Locale.ROOT),
                            outcome.message()));
        }
        return table.html();
    }

    private static String charts(LoadTestResult result) {
        StringBuilder html = new StringBuilder();
        for (ChartModel.Chart chart : ChartModel.of(result.timeline())) {
            html.append("<figure id=\"")
                    .append(chart.id())
                    .append("\">\n<figcaption>")
                    .append(Html.escape(
                            chart.title().equalsIgnoreCase(chart.unit())
                                    ? chart.title()
                                    : chart.title() + " (" + chart.unit() + ")"))
                    .append("</figcaption>\n")
                    .append(SvgChart.render(chart))
                    .append("\n<ul class=\"legend\">");
            for (ChartModel.Series series : chart.series()) {
                html.append("<li class=\"")
                        .append(series.cssClass())
                        .append("\">")
                        .append(Html.escape(series.name()))
                        .append("</li>");
            }
            html.append("</ul>\n</figure>\n");
        }
        return html.toString();
    }

    private static void section(StringBuilder html, String id, String title, String body) {
        html.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(Html.escape(title))
                .append("</h2>\n")
                .append(body)
                .append("</section>\n");
    }

    static String dash(String text) {
        return text == null ? "—" : text;
    }
}

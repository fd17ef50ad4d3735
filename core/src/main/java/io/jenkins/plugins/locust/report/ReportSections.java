package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.ExceptionEntry;
import io.jenkins.plugins.locust.result.FailureEntry;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.Timings;
import io.jenkins.plugins.locust.result.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's tables below the charts: endpoints, failures, exceptions, workers, timings and warnings. */
final class ReportSections {
    private static final List<String> ENDPOINT_COLUMNS = List.of(
            "Method",
            "Name",
            "#Requests",
            "#Failures",
            "#Fail %",
            "#Avg ms",
            "#Min ms",
            "#Max ms",
            "#p50",
            "#p90",
            "#p95",
            "#p99",
            "#RPS");

    private ReportSections() {}

    static String endpoints(LoadTestResult result) {
        if (result.endpoints().isEmpty()) {
            return none("No requests were made.");
        }
        Table table = new Table("endpoints", ENDPOINT_COLUMNS);
        result.endpoints().forEach(e -> table.row(e.failures() > 0 ? "has-failures" : null, endpointCells(e)));
        return table.footer(endpointCells(result.aggregated())).html();
    }

    private static List<String> endpointCells(EndpointStats e) {
        return List.of(
                e.method() == null ? "" : e.method(),
                e.name(),
                Html.count(e.requests()),
                Html.count(e.failures()),
                Html.percent(e.failRatio()),
                Html.ms(e.avgMs()),
                Html.ms(e.minMs()),
                Html.ms(e.maxMs()),
                Long.toString(e.percentiles().p50()),
                Long.toString(e.percentiles().p90()),
                Long.toString(e.percentiles().p95()),
                Long.toString(e.percentiles().p99()),
                Html.rate(e.rps()));
    }

    static String failures(LoadTestResult result) {
        if (result.failures().isEmpty()) {
            return none("No request failed.");
        }
        Table table = new Table("failures", List.of("Method", "Name", "Error", "#Occurrences"));
        for (FailureEntry f : result.failures()) {
            table.row(List.of(f.method(), f.name(), f.error(), Html.count(f.occurrences())));
        }
        return table.html();
    }

    static String exceptions(LoadTestResult result) {
        if (result.exceptions().isEmpty()) {
            return none("No exception was raised in user code.");
        }
        Table table = new Table("exceptions", List.of("#Count", "Message", "Where", "Traceback"));
        for (ExceptionEntry e : result.exceptions()) {
            table.rawRow("<td class=\"num\">" + Html.count(e.count()) + "</td><td>" + Html.escape(e.message())
                    + "</td><td>" + Html.escape(String.join(", ", e.nodes())) + "</td><td><pre>"
                    + Html.escape(e.traceback()) + "</pre></td>");
        }
        return table.html();
    }

    static String workers(LoadTestResult result) {
        if (result.workers().isEmpty()) {
            return none("No worker information was reported.");
        }
        Table table = new Table("workers", List.of("Worker", "State", "#Users", "#Max CPU %", "Lost"));
        for (WorkerInfo w : result.workers()) {
            table.row(
                    w.lost() || (w.maxCpuPercent() != null && w.maxCpuPercent() > 90) ? "suspect" : null,
                    List.of(
                            w.id(),
                            w.state(),
                            Integer.toString(w.users()),
                            w.maxCpuPercent() == null
                                    ? "not measured"
                                    : String.format(Locale.ROOT, "%.1f", w.maxCpuPercent()),
                            !w.lost()
                                    ? "no"
                                    : w.lostAtSeconds() == null ? "yes" : "at " + Html.clock(w.lostAtSeconds())));
        }
        return table.html();
    }

    static String timings(LoadTestResult result) {
        Timings t = result.timings();
        if (t == null) {
            return none("No timings were recorded.");
        }
        Table table = new Table("timings", List.of("Phase", "At", "#Since launch"));
        phase(table, "Launched", t.launched(), t.launched());
        phase(table, "All workers connected", t.gateOpened(), t.launched());
        phase(table, "All users running", t.rampedUp(), t.launched());
        phase(table, "Stopped", t.stopped(), t.launched());
        return table.html();
    }

    private static void phase(Table table, String name, Instant at, Instant launched) {
        String since = at == null || launched == null
                ? "—"
                : String.format(
                        Locale.ROOT, "%.1f s", Duration.between(launched, at).toMillis() / 1000.0);
        table.row(List.of(name, at == null ? "not reached" : at.toString(), since));
    }

    static String warnings(LoadTestResult result) {
        if (result.warnings().isEmpty()) {
            return none("No warnings.");
        }
        List<String> items = new ArrayList<>();
        for (String warning : result.warnings()) {
            items.add("<li>" + Html.escape(warning) + "</li>");
        }
        return "<ul class=\"warnings\">\n" + String.join("\n", items) + "\n</ul>\n";
    }

    private static String none(String sentence) {
        return "<p class=\"none\">" + Html.escape(sentence) + "</p>\n";
    }
}

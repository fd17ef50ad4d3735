package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.util.Locale;

/** The end-of-run summary for the build console: a fixed-width table of endpoints, then the thresholds. */
public final class ConsoleSummary {
    static final int NAME_WIDTH = 36;
    private static final String ROW = "%-7s %-" + NAME_WIDTH + "s %9s %8s %7s %7s %7s %7s %7s %7s %8s%n";

    private ConsoleSummary() {}

    public static String render(LoadTestResult result, Verdict verdict) {
        EndpointStats total = result.aggregated();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Load test %s: %s requests, %s %% failed, %s req/s, p95 %d ms (%d users, %d workers)%n",
                verdict.status(),
                Html.count(total.requests()),
                Html.percent(total.failRatio()),
                Html.rate(total.rps()),
                total.percentiles().p95(),
                result.run().users(),
                result.run().expectedWorkers()));
        if (result.run().loadShape() != null) {
            out.append("Load shape: ")
                    .append(result.run().loadShape())
                    .append(" from the locustfile set users and duration")
                    .append(System.lineSeparator());
        }
        if (result.run().abortReason() != null) {
            out.append("Stopped early: ").append(result.run().abortReason()).append(System.lineSeparator());
        }
        out.append(String.format(
                Locale.ROOT,
                ROW,
                "Method",
                "Name",
                "Requests",
                "Fails",
                "Fail %",
                "Avg",
                "p50",
                "p95",
                "p99",
                "Max",
                "RPS"));
        result.endpoints().forEach(e -> out.append(row(e)));
        out.append(row(total));
        if (!verdict.guardRails().isEmpty()) {
            out.append("Guard rails:").append(System.lineSeparator());
            verdict.guardRails().forEach(outcome -> out.append(line(outcome)));
        }
        if (!verdict.outcomes().isEmpty()) {
            out.append("Thresholds:").append(System.lineSeparator());
            verdict.outcomes().forEach(outcome -> out.append(line(outcome)));
        } else if (!verdict.guardRails().isEmpty()) {
            out.append("Thresholds: none given; the guard rails' defaults judged the run (docs/thresholds.md).")
                    .append(System.lineSeparator());
        }
        result.warnings().forEach(w -> out.append("Warning: ").append(w).append(System.lineSeparator()));
        return out.toString();
    }

    private static String line(ThresholdOutcome outcome) {
        return String.format(
                Locale.ROOT,
                "  %-7s %s: %s%s%n",
                outcome.status(),
                outcome.expression().replaceFirst("^guard rail: ", ""),
                outcome.message(),
                outcome.status() == OutcomeStatus.FAILED && outcome.severity() == Severity.UNSTABLE
                        ? " (unstable)"
                        : "");
    }

    private static String row(EndpointStats e) {
        return String.format(
                Locale.ROOT,
                ROW,
                e.method() == null ? "" : e.method(),
                fit(e.name()),
                e.requests(),
                e.failures(),
                Html.percent(e.failRatio()),
                Html.ms(e.avgMs()),
                e.percentiles().p50(),
                e.percentiles().p95(),
                e.percentiles().p99(),
                Html.ms(e.maxMs()),
                Html.rate(e.rps()));
    }

    /** Long names are cut in the middle so both the start and the distinguishing end stay visible. */
    static String fit(String name) {
        if (name.length() <= NAME_WIDTH) {
            return name;
        }
        int head = (NAME_WIDTH - 3) / 2;
        // ASCII only: build logs and terminals are not always UTF-8.
        return name.substring(0, head) + "..." + name.substring(name.length() - (NAME_WIDTH - 3 - head));
    }
}

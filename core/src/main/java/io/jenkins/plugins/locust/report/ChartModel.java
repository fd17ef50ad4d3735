package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.result.Snapshot;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The report's charts as data: one series per named value of the time series, x in seconds since the start.
 * Jenkins-free and independent of how it is drawn (the HTML report draws SVG from it; a trend could draw the same
 * model).
 */
public final class ChartModel {
    private ChartModel() {}

    /** One point of a series. */
    public record Point(double x, double y) {}

    /**
     * @param cssClass the report.css class that colours the series
     */
    public record Series(String name, String cssClass, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * @param id a stable id, used as the HTML anchor
     * @param unit the unit of y, shown on its axis
     */
    public record Chart(String id, String title, String unit, List<Series> series) {
        public Chart {
            series = List.copyOf(series);
        }

        public double maxX() {
            return series.stream()
                    .flatMap(s -> s.points().stream())
                    .mapToDouble(Point::x)
                    .max()
                    .orElse(0);
        }

        public double maxY() {
            return series.stream()
                    .flatMap(s -> s.points().stream())
                    .mapToDouble(Point::y)
                    .max()
                    .orElse(0);
        }

        public boolean empty() {
            return series.stream().allMatch(s -> s.points().isEmpty());
        }
    }

    /** Users; requests and failures per second; p50, p95 and p99 over time. */
    public static List<Chart> of(List<Snapshot> timeline) {
        return List.of(
                new Chart(
                        "chart-users",
                        "Users",
                        "users",
                        List.of(series("Users", "s-users", timeline, Snapshot::users))),
                new Chart(
                        "chart-rps",
                        "Requests per second",
                        "per second",
                        List.of(
                                series("Requests/s", "s-rps", timeline, Snapshot::rps),
                                series("Failures/s", "s-fails", timeline, Snapshot::failuresPerSecond))),
                new Chart(
                        "chart-times",
                        "Response times",
                        "ms",
                        List.of(
                                series("p50", "s-p50", timeline, Snapshot::p50Ms),
                                series("p95", "s-p95", timeline, Snapshot::p95Ms),
                                series("p99", "s-p99", timeline, Snapshot::p99Ms))));
    }

    static Series series(String name, String cssClass, List<Snapshot> timeline, ToDoubleFunction<Snapshot> value) {
        return new Series(
                name,
                cssClass,
                timeline.stream()
                        .map(s -> new Point(s.elapsedSeconds(), value.applyAsDouble(s)))
                        .toList());
    }
}

package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.report.ChartModel.Chart;
import io.jenkins.plugins.locust.report.ChartModel.Point;
import io.jenkins.plugins.locust.report.ChartModel.Series;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Draws a {@link Chart} as inline SVG on the server: no script, no inline style (colours come from report.css
 * classes), so it shows under Jenkins' default content security policy.
 */
final class SvgChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 60;
    private static final int RIGHT = 24;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;
    private static final int TICKS = 4;

    private SvgChart() {}

    static String render(Chart chart) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" id=\"")
                .append(chart.id())
                .append("-svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(chart.title()))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>")
                .append(Html.escape(chart.title()))
                .append("</title>\n");
        if (chart.empty()) {
            svg.append("<text class=\"empty\" x=\"")
                    .append(WIDTH / 2)
                    .append("\" y=\"")
                    .append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">no data</text>\n</svg>");
            return svg.toString();
        }
        double maxX = Math.max(chart.maxX(), 1);
        double maxY = niceCeiling(chart.maxY());
        axes(svg, maxX, maxY);
        for (Series series : chart.series()) {
            String points = thin(series.points(), maxX).stream()
                    .map(p -> Html.coordinate(x(p.x(), maxX)) + "," + Html.coordinate(y(p.y(), maxY)))
                    .collect(Collectors.joining(" "));
            svg.append("<polyline class=\"line ")
                    .append(series.cssClass())
                    .append("\" fill=\"none\" points=\"")
                    .append(points)
                    .append("\"><title>")
                    .append(Html.escape(series.name()))
                    .append("</title></polyline>\n");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * At most the first, lowest, highest and last point of each pixel column, in time order: a long run has more
     * points than the chart has pixels, and this keeps its spikes while the page stays small.
     */
    static List<Point> thin(List<Point> points, double maxX) {
        if (points.size() <= WIDTH - LEFT - RIGHT) {
            return points;
        }
        List<Point> kept = new ArrayList<>();
        int start = 0;
        while (start < points.size()) {
            long column = Math.round(x(points.get(start).x(), maxX));
            int end = start;
            int low = start;
            int high = start;
            while (end + 1 < points.size() && Math.round(x(points.get(end + 1).x(), maxX)) == column) {
                end++;
                low = points.get(end).y() < points.get(low).y() ? end : low;
                high = points.get(end).y() > points.get(high).y() ? end : high;
            }
            new TreeSet<>(List.of(start, low, high, end)).forEach(i -> kept.add(points.get(i)));
            start = end + 1;
        }
        return kept;
    }

    private static void axes(StringBuilder svg, double maxX, double maxY) {
        for (int i = 0; i <= TICKS; i++) {
            double value = maxY * i / TICKS;
            double y = y(value, maxY);
            svg.append(line("grid", LEFT, y, WIDTH - RIGHT, y));
            svg.append(text("tick", LEFT - 6, y + 5, "end", label(value)));
            double xValue = maxX * i / TICKS;
            double x = x(xValue, maxX);
            svg.append(text("tick", x, HEIGHT - 8, "middle", Html.clock(xValue)));
        }
        svg.append(line("axis", LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        svg.append(line("axis", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
    }

    private static String line(String cssClass, double x1, double y1, double x2, double y2) {
        return "<line class=\"" + cssClass + "\" x1=\"" + Html.coordinate(x1) + "\" y1=\"" + Html.coordinate(y1)
                + "\" x2=\"" + Html.coordinate(x2) + "\" y2=\"" + Html.coordinate(y2) + "\"/>\n";
    }

    private static String text(String cssClass, double x, double y, String anchor, String content) {
        return "<text class=\"" + cssClass + "\" x=\"" + Html.coordinate(x) + "\" y=\"" + Html.coordinate(y)
                + "\" text-anchor=\"" + anchor + "\">" + Html.escape(content) + "</text>\n";
    }

    private static String label(double value) {
        if (value >= 10_000) {
            return Html.coordinate(value / 1000) + "k";
        }
        return new BigDecimal(value)
                .round(new MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    static double x(double value, double maxX) {
        return LEFT + (WIDTH - LEFT - RIGHT) * value / maxX;
    }

    static double y(double value, double maxY) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value / maxY;
    }

    /** The smallest round step (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) times the tick count at or above {@code max}. */
    static double niceCeiling(double max) {
        if (max <= 0) {
            return TICKS;
        }
        double step = max / TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(step)));
        for (double factor : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (factor * magnitude >= step) {
                return factor * magnitude * TICKS;
            }
        }
        return 10 * magnitude * TICKS;
    }
}

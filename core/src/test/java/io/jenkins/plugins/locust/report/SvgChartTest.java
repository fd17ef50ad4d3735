package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.report.ChartModel.Chart;
import io.jenkins.plugins.locust.report.ChartModel.Point;
import io.jenkins.plugins.locust.report.ChartModel.Series;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgChartTest {
    private static final Chart CHART = new Chart(
            "chart-x",
            "Response <times>",
            "ms",
            List.of(new Series("p95", "s-p95", List.of(new Point(0, 0), new Point(30, 200), new Point(60, 400)))));

    @Test
    void shouldDrawOneScaledPolylinePerSeries() {
        String svg = SvgChart.render(CHART);

        // ticks of 100 up to 400; the plot spans x 60..616 and y 190..10.
        assertThat(svg).contains("<polyline class=\"line s-p95\" fill=\"none\" points=\"60,190 338,100 616,10\">");
        assertThat(svg).contains(">400</text>").contains(">100</text>").contains(">1:00</text>");
        assertThat(svg).contains("<title>Response &lt;times&gt;</title>");
    }

    @Test
    void shouldHaveNoStyleOrScript() {
        String svg = SvgChart.render(CHART);

        assertThat(svg).doesNotContain("style").doesNotContain("script").doesNotContainPattern("\\son\\w+=");
    }

    @Test
    void shouldSayNoDataWhenTheTimelineIsEmpty() {
        String svg = SvgChart.render(new Chart("c", "Users", "users", List.of(new Series("Users", "s", List.of()))));

        assertThat(svg).contains(">no data</text>").doesNotContain("polyline");
    }

    @ParameterizedTest
    @CsvSource({"0, 4", "0.4, 0.4", "1, 1", "3, 3.2", "301, 320", "420, 600", "999, 1000", "1234, 1600", "7000, 8000"})
    void shouldRoundTheAxisUpToRoundTicks(double max, double ceiling) {
        assertThat(SvgChart.niceCeiling(max)).isCloseTo(ceiling, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldKeepSpikesWhenThinningMorePointsThanPixels() {
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < 3600; i++) {
            points.add(new Point(i, i == 1234 ? 5000 : i == 2345 ? -1 : 100));
        }

        List<Point> thinned = SvgChart.thin(points, 3599);

        assertThat(thinned.size()).isLessThan(4 * 560).isGreaterThan(500);
        assertThat(thinned).contains(new Point(1234, 5000), new Point(2345, -1), points.get(0), points.get(3599));
        assertThat(thinned).isSortedAccordingTo(java.util.Comparator.comparingDouble(Point::x));
    }

    @Test
    void shouldKeepShortSeriesAsTheyAre() {
        List<Point> points = List.of(new Point(0, 1), new Point(1, 2));

        assertThat(SvgChart.thin(points, 1)).isSameAs(points);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "12, 12", "12.34, 12.3", "12.35, 12.4", "0.05, 0.1", "-3.26, -3.3", "199.96, 200"})
    void shouldWriteCoordinatesWithAtMostOneDecimal(double value, String written) {
        assertThat(Html.coordinate(value)).isEqualTo(written);
    }
}

package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.report.ChartModel.Chart;
import io.jenkins.plugins.locust.report.ChartModel.Point;
import io.jenkins.plugins.locust.result.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartModelTest {
    private static final List<Snapshot> TIMELINE = List.of(
            new Snapshot(0, 0, 2, 0, 0, 0, 0, 0, 0, 0),
            new Snapshot(2, 10, 2, 18.5, 0.5, 40, 120, 300, 37, 1),
            new Snapshot(4, 20, 2, 39, 1.5, 45, 150, 420, 115, 4));

    @Test
    void shouldBuildUsersRatesAndPercentileSeriesFromTheTimeline() {
        List<Chart> charts = ChartModel.of(TIMELINE);

        assertThat(charts).extracting(Chart::id).containsExactly("chart-users", "chart-rps", "chart-times");
        assertThat(charts.get(0).series().get(0).points())
                .containsExactly(new Point(0, 0), new Point(2, 10), new Point(4, 20));
        assertThat(charts.get(1).series())
                .extracting(ChartModel.Series::name)
                .containsExactly("Requests/s", "Failures/s");
        assertThat(charts.get(1).series().get(1).points()).extracting(Point::y).containsExactly(0.0, 0.5, 1.5);
        assertThat(charts.get(2).series()).extracting(ChartModel.Series::name).containsExactly("p50", "p95", "p99");
        assertThat(charts.get(2).series().get(2).points()).extracting(Point::y).containsExactly(0.0, 300.0, 420.0);
    }

    @Test
    void shouldKnowItsRangeAndWhetherItIsEmpty() {
        Chart times = ChartModel.of(TIMELINE).get(2);

        assertThat(times.maxX()).isEqualTo(4);
        assertThat(times.maxY()).isEqualTo(420);
        assertThat(times.empty()).isFalse();
        assertThat(ChartModel.of(List.of()).get(0).empty()).isTrue();
    }
}

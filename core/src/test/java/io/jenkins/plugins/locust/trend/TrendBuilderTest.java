package io.jenkins.plugins.locust.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.page.PageJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendBuilderTest {
    static RunSummary summary(double rps, long p95, double failRatio) {
        return new RunSummary(1, "PASSED", 1000, 10, failRatio, rps, 40, p95, p95 * 2, 60, 10, 2, 2, 0, 0, 0);
    }

    @Test
    void shouldPutBuildsOldestFirstWithOneSeriesPerReport() {
        // given two named reports over three builds, offered newest first as a job's history is walked
        List<BuildRun> runs = List.of(
                new BuildRun(12, "checkout", summary(90, 300, 0.02)),
                new BuildRun(12, "search", summary(40, 120, 0)),
                new BuildRun(11, "checkout", summary(100, 250, 0.01)),
                new BuildRun(10, "search", summary(45, 110, 0)));

        // when
        String json = PageJson.write(TrendBuilder.build(runs, 20));

        // then a build without a report has a gap (null), never a zero that would look like a measurement
        assertThat(json)
                .startsWith("{\"builds\":[10,11,12],\"charts\":[{\"id\":\"rps\",\"title\":\"Requests per second\","
                        + "\"unit\":\"req/s\",\"series\":[{\"name\":\"search\",\"values\":[45.0,null,40.0]},"
                        + "{\"name\":\"checkout\",\"values\":[null,100.0,90.0]}]}")
                .contains("{\"id\":\"p95\",\"title\":\"95th percentile response time\",\"unit\":\"ms\","
                        + "\"series\":[{\"name\":\"search\",\"values\":[110.0,null,120.0]},"
                        + "{\"name\":\"checkout\",\"values\":[null,250.0,300.0]}]}")
                .contains("{\"id\":\"fail_ratio\",\"title\":\"Failed requests\",\"unit\":\"%\","
                        + "\"series\":[{\"name\":\"search\",\"values\":[0.0,null,0.0]},"
                        + "{\"name\":\"checkout\",\"values\":[null,1.0,2.0]}]}");
    }

    @Test
    void shouldKeepOnlyTheNewestBuilds() {
        // given 1,000 builds in random-ish order
        List<BuildRun> runs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int build = (i * 7919) % 1000 + 1;
            runs.add(new BuildRun(build, "api", summary(build, build, 0)));
        }

        // when
        TrendModel model = TrendBuilder.build(runs, 5);

        // then
        assertThat(model.builds()).containsExactly(996, 997, 998, 999, 1000);
        assertThat(model.charts().get(0).series().get(0).values()).containsExactly(996.0, 997.0, 998.0, 999.0, 1000.0);
    }

    @Test
    void shouldGiveAnEmptyModelWithoutRuns() {
        // when
        TrendModel model = TrendBuilder.build(List.of(), 10);

        // then
        assertThat(model.empty()).isTrue();
        assertThat(model.charts())
                .allSatisfy(chart -> assertThat(chart.series()).isEmpty());
    }

    @Test
    void shouldRefuseANonPositiveBuildCount() {
        assertThatThrownBy(() -> TrendBuilder.build(List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBuilds");
    }
}

package io.jenkins.plugins.locust.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResponseTimeHistogram;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.result.WorkerInfo;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReportPagesTest {
    private static final Verdict VERDICT = new Verdict(
            VerdictStatus.FAILED,
            List.of(new ThresholdOutcome(
                    "p95 < 800ms", "1.5 s", "< 800 ms", OutcomeStatus.FAILED, Severity.FAILURE, "p95 is 1.5 s")));

    @Test
    void shouldGiveThePageEveryTableAndChartOfTheResult() {
        // given
        LoadTestResult result = ResultFixtures.realistic();

        // when
        ReportPage page = ReportPages.of(result, VERDICT, Optional.empty());

        // then the aggregated row leads the endpoint table
        assertThat(page.endpoints())
                .extracting(ReportPage.EndpointRow::endpoint)
                .containsExactly("Aggregated", "GET /", "GET /api/cart", "POST /login");
        assertThat(page.endpoints().get(2).p95Ms())
                .isEqualTo(result.endpoints().get(1).percentiles().p95());
        assertThat(page.charts()).extracting(c -> c.id()).containsExactly("chart-users", "chart-rps", "chart-times");
        assertThat(page.thresholds())
                .containsExactly(new ReportPage.ThresholdRow(
                        "p95 < 800ms", "FAILED", "FAILURE", "1.5 s", "< 800 ms", "p95 is 1.5 s"));
        // every request is in exactly one bar of the distribution
        assertThat(page.distribution()).hasSizeLessThanOrEqualTo(ReportPages.MAX_BARS);
        assertThat(page.distribution().stream()
                        .mapToLong(ReportPage.Bucket::requests)
                        .sum())
                .isEqualTo(result.aggregated().requests());
        assertThat(page.timings())
                .extracting(ReportPage.Phase::name, ReportPage.Phase::secondsAfterLaunch)
                .containsExactly(
                        tuple("launched", 0.0),
                        tuple("all workers connected", 4.0),
                        tuple("all users running", 14.0),
                        tuple("stopped", 64.0));
        assertThat(PageJson.write(page)).contains("\"summary\":{\"schemaVersion\":1,\"verdict\":\"FAILED\"");
    }

    @Test
    void shouldFlagGeneratorsAbove90PercentCpuAndNotCallAZeroSampleIdle() {
        // given one worker never sampled (Locust's first sample is 0), one busy, one saturated
        LoadTestResult base = ResultFixtures.realistic();
        LoadTestResult result = new LoadTestResult(
                base.schemaVersion(),
                base.run(),
                base.aggregated(),
                base.endpoints(),
                base.timeline(),
                base.failures(),
                base.exceptions(),
                List.of(
                        new WorkerInfo("w1", "running", 5, 0.0, false),
                        new WorkerInfo("w2", "running", 5, 62.5, false),
                        new WorkerInfo("w3", "running", 5, 97.0, false)),
                base.timings(),
                base.warnings());

        // when
        List<ReportPage.WorkerRow> workers =
                ReportPages.of(result, VERDICT, Optional.empty()).workers();

        // then
        assertThat(workers)
                .extracting(ReportPage.WorkerRow::maxCpuPercent, ReportPage.WorkerRow::cpuBound)
                .containsExactly(tuple(null, false), tuple(62.5, false), tuple(97.0, true));
    }

    @Test
    void shouldBinAWideHistogramIntoContiguousLogScaleBars() {
        // given 1 ms … 60 s in Locust's buckets
        Map<Long, Long> buckets = new TreeMap<>();
        for (long ms = 1; ms < 60_000; ms = Math.max(ms + 1, ResultFixtures.bucket(ms * 1.07))) {
            buckets.put(ms, 3L);
        }
        ResponseTimeHistogram histogram = new ResponseTimeHistogram(buckets);

        // when
        List<ReportPage.Bucket> bars = ReportPages.distribution(histogram);

        // then
        assertThat(bars).hasSizeLessThanOrEqualTo(ReportPages.MAX_BARS);
        assertThat(bars.get(0).fromMs()).isEqualTo(1);
        assertThat(bars.get(bars.size() - 1).toMs())
                .isGreaterThan(histogram.buckets().lastKey());
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).fromMs()).isEqualTo(bars.get(i - 1).toMs());
        }
        assertThat(bars.stream().mapToLong(ReportPage.Bucket::requests).sum()).isEqualTo(histogram.total());
    }

    @Test
    void shouldKeepTheNewestSnapshotsOfALongLiveRun() {
        // given
        List<Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < LiveProgress.MAX_POINTS + 10; i++) {
            snapshots.add(new Snapshot(i * 2.0, 10, 2, 5, 0, 10, 20, 30, i, 0));
        }

        // when
        LiveProgress live = new LiveProgress("running", false, 10, 2, snapshots);

        // then
        assertThat(live.snapshots()).hasSize(LiveProgress.MAX_POINTS);
        assertThat(live.snapshots().get(0).elapsedSeconds()).isEqualTo(20.0);
    }
}

package io.jenkins.plugins.locust.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResponseTimeHistogramTest {
    private static final double[] FRACTIONS = {0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0};

    @Test
    void shouldMatchLocustsOwnPercentilesOnRandomHistograms() throws IOException {
        String fixture;
        try (InputStream in = getClass().getResourceAsStream("locust-percentiles.txt")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int cases = 0;
        for (String line : fixture.lines().filter(l -> !l.startsWith("#")).toList()) {
            String[] parts = line.split("\\|");
            Map<Long, Long> buckets = new TreeMap<>();
            for (String bucket : parts[0].split(";")) {
                String[] kv = bucket.split(":");
                buckets.put(Long.parseLong(kv[0]), Long.parseLong(kv[1]));
            }
            long[] expected = Arrays.stream(parts[1].split(","))
                    .mapToLong(Long::parseLong)
                    .toArray();
            ResponseTimeHistogram histogram = new ResponseTimeHistogram(buckets);

            long[] actual =
                    Arrays.stream(FRACTIONS).mapToLong(histogram::percentile).toArray();

            assertThat(actual).as("histogram %s", buckets).containsExactly(expected);
            cases++;
        }
        assertThat(cases).isEqualTo(12);
    }

    @Test
    void shouldEqualTheNearestRankOfTheSortedSamplesWhenBucketsAreExact() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            long[] samples = random.longs(1 + random.nextInt(500), 0, 100).toArray();
            Map<Long, Long> buckets = new TreeMap<>();
            Arrays.stream(samples).forEach(s -> buckets.merge(s, 1L, Long::sum));
            Arrays.sort(samples);
            ResponseTimeHistogram histogram = new ResponseTimeHistogram(buckets);

            for (double fraction : FRACTIONS) {
                // Locust's rule, restated: the sample at index floor(n × fraction) of the sorted samples.
                int index = Math.min(samples.length - 1, (int) (samples.length * fraction));

                assertThat(histogram.percentile(fraction))
                        .as("p%s of %s", fraction, buckets)
                        .isEqualTo(samples[index]);
            }
        }
    }

    @Test
    void shouldBeZeroWhenEmpty() {
        assertThat(ResponseTimeHistogram.empty().percentile(0.95)).isZero();
    }

    @Test
    void shouldReadAggregatedPercentilesFromTheMergedHistogramNotFromAverages() {
        // 90 fast requests at 10 ms on one endpoint, 10 slow ones at 1000 ms on another.
        EndpointStats fast = ResultFixtures.endpoint("GET", "/fast", 0, 10, repeat(90, 10));
        EndpointStats slow = ResultFixtures.endpoint("GET", "/slow", 0, 10, repeat(10, 1000));

        EndpointStats total = StatsAggregation.combine("", EndpointStats.AGGREGATED, java.util.List.of(fast, slow));

        // Averaging the endpoints' p95 would give (10 + 1000) / 2 = 505 ms; the merged histogram says 1000 ms.
        assertThat(total.percentiles().p95()).isEqualTo(1000);
        assertThat(total.percentiles().p90()).isEqualTo(1000);
        assertThat(total.percentiles().p50()).isEqualTo(10);
        assertThat(total.histogram().buckets()).containsExactly(Map.entry(10L, 90L), Map.entry(1000L, 10L));
    }

    @Test
    void shouldWeightTheFailRatioByRequests() {
        // 1 of 2 requests failed on one endpoint (50 %), 1 of 98 on the other (~1 %): 2 of 100 overall, not 25.5 %.
        EndpointStats few = ResultFixtures.endpoint("GET", "/few", 1, 10, repeat(2, 10));
        EndpointStats many = ResultFixtures.endpoint("GET", "/many", 1, 10, repeat(98, 10));

        EndpointStats total = StatsAggregation.combine("", EndpointStats.AGGREGATED, java.util.List.of(few, many));

        assertThat(total.failRatio()).isEqualTo(0.02);
        assertThat(total.requests()).isEqualTo(100);
        assertThat(total.avgMs()).isEqualTo(10);
    }

    @Test
    void shouldBucketResponseTimesAsLocustDoes() {
        assertThat(ResultFixtures.bucket(99.4)).isEqualTo(99);
        assertThat(ResultFixtures.bucket(147)).isEqualTo(150);
        assertThat(ResultFixtures.bucket(145)).isEqualTo(140);
        assertThat(ResultFixtures.bucket(3432)).isEqualTo(3400);
        assertThat(ResultFixtures.bucket(58760)).isEqualTo(59000);
    }

    private static double[] repeat(int count, double value) {
        double[] values = new double[count];
        Arrays.fill(values, value);
        return values;
    }
}

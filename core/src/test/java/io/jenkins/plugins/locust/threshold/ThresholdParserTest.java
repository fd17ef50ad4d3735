package io.jenkins.plugins.locust.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdParserTest {
    private static final String METRICS = "a metric (" + Metric.KNOWN + ")";

    @Test
    void shouldParseAnAggregatedPercentileInMilliseconds() {
        Threshold threshold = ThresholdParser.parse("p95 < 800ms");

        assertThat(threshold.endpoint()).isNull();
        assertThat(threshold.metric()).isEqualTo(new Metric("p95", Metric.Kind.PERCENTILE, 0.95));
        assertThat(threshold.operator()).isEqualTo(Operator.LESS);
        assertThat(threshold.limit()).isEqualTo(new Limit.Absolute(800));
        assertThat(threshold.severity()).isEqualTo(Severity.FAILURE);
        assertThat(threshold.abort()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            p95 < 800ms                    | p95            | <  | 800
            p95<800ms                      | p95            | <  | 800
            p95 < 800 ms                   | p95            | <  | 800
            p99 < 1.5s                     | p99            | <  | 1500
            p99.9 <= 2s                    | p99.9          | <= | 2000
            p999 <= 2s                     | p99.9          | <= | 2000
            median < 100ms                 | p50            | <  | 100
            p75 < 300ms                    | p75            | <  | 300
            avg < 300ms                    | avg            | <  | 300
            mean < 300ms                   | avg            | <  | 300
            max < 5s                       | max            | <  | 5000
            min >= 1ms                     | min            | >= | 1
            fail_ratio < 1%                | fail_ratio     | <  | 0.01
            fail_ratio < 0.5%              | fail_ratio     | <  | 0.005
            fail_ratio <= 0.02             | fail_ratio     | <= | 0.02
            error_rate < 2%                | fail_ratio     | <  | 0.02
            rps >= 200                     | rps            | >= | 200
            rps > 12.5/s                   | rps            | >  | 12.5
            failures_per_s < 1/s           | failures_per_s | <  | 1
            failures < 10                  | failures       | <  | 10
            requests > 1000                | requests       | >  | 1000
            """)
    void shouldParseMetricOperatorAndLimitInCanonicalUnits(
            String expression, String metric, String operator, double limit) {
        Threshold threshold = ThresholdParser.parse(expression);

        assertThat(threshold.metric().name()).isEqualTo(metric);
        assertThat(threshold.operator().symbol()).isEqualTo(operator);
        assertThat(threshold.limit()).isEqualTo(new Limit.Absolute(limit));
        assertThat(threshold.expression()).isEqualTo(expression);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            GET /api/cart: p99 < 1.5s         | GET /api/cart
            /api/cart: avg < 300ms            | /api/cart
            login flow : p95 < 1s             | login flow
            http://shop/a:b: p95 < 1s         | http://shop/a:b
            """)
    void shouldTakeTheEndpointFromBeforeTheLastColon(String expression, String endpoint) {
        assertThat(ThresholdParser.parse(expression).endpoint()).isEqualTo(endpoint);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            p95 <= baseline               | +  | 0    | false
            p95 <= baseline + 10%         | +  | 10   | true
            p95 <= baseline+10%           | +  | 10   | true
            p95 <= baseline - 50ms        | -  | 50   | false
            p95 <= baseline + 1s          | +  | 1000 | false
            p95 <= baseline * 1.2         | *  | 1.2  | false
            rps >= baseline - 5%          | -  | 5    | true
            fail_ratio <= baseline + 0.01 | +  | 0.01 | false
            """)
    void shouldParseLimitsRelativeToTheBaseline(String expression, char change, double amount, boolean percent) {
        Threshold threshold = ThresholdParser.parse(expression);

        assertThat(threshold.relative()).isTrue();
        assertThat(threshold.limit()).isEqualTo(new Limit.Relative(change, amount, percent));
    }

    @Test
    void shouldResolveRelativeLimitsAgainstTheBaselineValue() {
        assertThat(ThresholdParser.parse("p95 <= baseline + 10%").limit().resolve(800))
                .isCloseTo(880, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ThresholdParser.parse("p95 <= baseline - 50ms").limit().resolve(800))
                .isEqualTo(750);
        assertThat(ThresholdParser.parse("p95 <= baseline * 1.5").limit().resolve(800))
                .isEqualTo(1200);
        assertThat(ThresholdParser.parse("p95 <= baseline").limit().resolve(800))
                .isEqualTo(800);
    }

    @Test
    void shouldReadSeverityAndAbortInAnyOrder() {
        Threshold unstable = ThresholdParser.parse("p99 < 2s unstable");
        Threshold both = ThresholdParser.parse("fail_ratio < 5% abort unstable");
        Threshold explicit = ThresholdParser.parse("fail_ratio < 5% failure abort");

        assertThat(unstable.severity()).isEqualTo(Severity.UNSTABLE);
        assertThat(unstable.abort()).isFalse();
        assertThat(both.severity()).isEqualTo(Severity.UNSTABLE);
        assertThat(both.abort()).isTrue();
        assertThat(explicit.severity()).isEqualTo(Severity.FAILURE);
        assertThat(explicit.abort()).isTrue();
    }

    @Test
    void shouldIgnoreTheCaseOfMetricsUnitsAndKeywords() {
        Threshold threshold = ThresholdParser.parse("P95 <= Baseline + 50MS Unstable");
        Threshold upper = ThresholdParser.parse("FAIL_RATIO < 5% ABORT");

        assertThat(threshold.metric().name()).isEqualTo("p95");
        assertThat(threshold.limit()).isEqualTo(new Limit.Relative('+', 50, false));
        assertThat(threshold.severity()).isEqualTo(Severity.UNSTABLE);
        assertThat(upper.abort()).isTrue();
        assertThat(ThresholdParser.parse("p99 < 1.5S").limit()).isEqualTo(new Limit.Absolute(1500));
    }

    @Test
    void shouldNormalizeTheWrittenForm() {
        assertThat(ThresholdParser.parse("GET /x:p95<1.5s").normalized()).isEqualTo("GET /x: p95 < 1500 ms");
        assertThat(ThresholdParser.parse("fail_ratio<1%").normalized()).isEqualTo("fail_ratio < 1.00 %");
        assertThat(ThresholdParser.parse("p95 <= baseline+10%").normalized()).isEqualTo("p95 <= baseline + 10%");
        assertThat(ThresholdParser.parse("p95 <= baseline - 0.5s").normalized()).isEqualTo("p95 <= baseline - 500ms");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            ""                            | 1  | METRICS                                       | <end>
            "   "                         | 4  | METRICS                                       | <end>
            p95 < 8x0ms                   | 8  | a unit (ms, s)                                | x0ms
            p95 < 800                     | 10 | a unit (ms, s)                                | <end>
            p95 < 800 unstable            | 11 | a unit (ms, s)                                | unstable
            p95 < 1.5.2s                  | 10 | a unit (ms, s)                                | .2s
            p95 < 2m                      | 8  | a unit (ms, s)                                | m
            p96x < 1s                     | 1  | METRICS                                       | p96x
            latency < 1s                  | 1  | METRICS                                       | latency
            p100 < 1s                     | 1  | METRICS                                       | p100
            p0 < 1s                       | 1  | METRICS                                       | p0
            GET /x: < 1s                  | 9  | METRICS                                       | <
            p95 800ms                     | 5  | an operator (<, <=, >, >=, ==)                | 800ms
            p95 = 800ms                   | 5  | an operator (<, <=, >, >=, ==)                | =
            p95 =< 800ms                  | 5  | an operator (<, <=, >, >=, ==)                | =<
            p95 <                         | 6  | a number or 'baseline'                        | <end>
            p95 < fast                    | 7  | a number or 'baseline'                        | fast
            p95 < -5ms                    | 7  | a number or 'baseline'                        | -5ms
            p95 <= baselin + 10%          | 8  | a number or 'baseline'                        | baselin
            p95 <= baseline +             | 18 | a number                                      | <end>
            p95 <= baseline + 10          | 21 | a unit (ms, s, %)                             | <end>
            p95 <= baseline * 1.2s        | 22 | a plain factor such as 1.2                    | s
            p95 < 800ms unstabel          | 13 | 'unstable', 'failure', 'abort' or end of input | unstabel
            p95 < 800ms and more          | 13 | 'unstable', 'failure', 'abort' or end of input | and
            p95 < 800ms unstable failure  | 22 | 'unstable', 'failure', 'abort' or end of input | failure
            p95 < 800ms abort abort       | 19 | 'unstable', 'failure', 'abort' or end of input | abort
            fail_ratio < 150%             | 14 | a percentage between 0% and 100%              | 150%
            fail_ratio < 5                | 14 | a ratio between 0 and 1, or a percentage such as 5% | 5
            fail_ratio < 1ms              | 15 | '%' or a ratio between 0 and 1                | ms
            rps >= 200rps                 | 11 | a rate such as 200 or 200/s                   | rps
            requests > 10k                | 14 | a plain number                                | k
            : p95 < 1s                    | 1  | an endpoint before ':' (e.g. 'GET /api/cart: p95 < 800ms') | :
            p95 <= baseline + 10% abort   | 23 | an absolute limit before 'abort' (the live check has no baseline) | abort
            p75 < 1s abort                | 10 | 'abort' only after p50, p90, p95, p99, avg, max, fail_ratio, rps, failures_per_s (not p75) | abort
            """)
    void shouldSayWhereAndWhatWasExpected(String expression, int position, String expected, String found) {
        String wanted = expected.equals("METRICS") ? METRICS : expected;
        String foundText = found.equals("<end>") ? "end of input" : "'" + found + "'";

        assertThatThrownBy(() -> ThresholdParser.parse(expression))
                .isInstanceOfSatisfying(ThresholdSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.expected()).isEqualTo(wanted);
                    assertThat(e.found()).isEqualTo(found.equals("<end>") ? null : found);
                })
                .hasMessage("threshold '" + expression + "': at position " + position + " expected " + wanted
                        + " but found " + foundText);
    }

    @Test
    void shouldWriteTheMessageOfTheBriefExample() {
        assertThatThrownBy(() -> ThresholdParser.parse("p95 < 8x0ms"))
                .hasMessage("threshold 'p95 < 8x0ms': at position 8 expected a unit (ms, s) but found 'x0ms'");
    }

    @Test
    void shouldTreatAMissingExpressionAsEmpty() {
        assertThatThrownBy(() -> ThresholdParser.parse(null))
                .hasMessage("threshold '': at position 1 expected " + METRICS + " but found end of input");
    }
}

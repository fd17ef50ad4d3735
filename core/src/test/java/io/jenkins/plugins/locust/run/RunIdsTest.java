package io.jenkins.plugins.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.kubernetes.RunNames;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "shop",
                "Team/Shop/main",
                "Ünïcode Tëam/Jöb",
                "feature%2FJIRA-123_fix.things",
                "---",
                "////",
                "   spaces   everywhere   ",
                "日本語のジョブ",
                "emoji 🚀 deploy",
                "a-very-long-folder-name/another-very-long-folder-name/and-a-very-long-job-name-at-the-end",
                "UPPER_CASE.JOB",
                "x"
            })
    void shouldCreateValidRunIdsFromAnyJobName(String jobName) {
        // when
        String runId = RunIds.create(jobName, 1234567890123L);

        // then
        assertThat(runId).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").doesNotContain("--");
        assertThat(runId.length()).isLessThanOrEqualTo(RunIds.MAX_LENGTH);
        assertThat(RunIds.isValid(runId)).isTrue();
        assertThat(RunNames.of(runId).workerJob().length()).isLessThanOrEqualTo(52);
        assertThat(runId).contains("-1234567890123-");
    }

    @Test
    void shouldKeepTheReadableJobNameAndEndWithARandomPart() {
        // when
        String runId = RunIds.create("Team/Shop Checkout", 42);

        // then
        assertThat(runId).matches("team-shop-checkout-42-[a-z0-9]{5}");
    }

    @Test
    void shouldFollowTheSameSchemeWithoutABuildNumber() {
        // when: the CLI and the runner's default have no job and no build
        String runId = RunIds.create(RunIds.DEFAULT_NAME);

        // then
        assertThat(runId).matches("loadtest-[a-z0-9]{5}");
        assertThat(RunIds.isValid(runId)).isTrue();
        assertThat(RunIds.create("x".repeat(60))).hasSize(RunIds.MAX_LENGTH);
    }

    @Test
    void shouldTruncateLongNamesWithoutATrailingDash() {
        // when
        String runId = RunIds.create("abcdefghijklmnopqrstuvwxyz012-456789", 7, "zzzzz");

        // then
        assertThat(runId).isEqualTo("abcdefghijklmnopqrstuvwxyz012-7-zzzzz");
    }

    @Test
    void shouldFallBackToRunWhenNothingOfTheNameIsLeft() {
        // when
        String runId = RunIds.create("日本語", 3, "abcde");

        // then
        assertThat(runId).isEqualTo("run-3-abcde");
    }

    @Test
    void shouldTellRunsOfTheSameBuildApart() {
        // given: parallel loadTest steps in one build share job name and build number
        Set<String> ids = new HashSet<>();

        // when
        for (int i = 0; i < 200; i++) {
            ids.add(RunIds.create("shop", 1));
        }

        // then: 36^5 suffixes; even one repeat among 200 has a chance of 3 in 10,000, two are negligible
        assertThat(ids.size()).isGreaterThanOrEqualTo(199);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "ends-with-dash-", "-starts", "has_underscore", "dot.ted"})
    void shouldRejectRunIdsThatAreNoDns1123Label(String runId) {
        // then
        assertThat(RunIds.isValid(runId)).isFalse();
        assertThatThrownBy(() -> RunNames.of(runId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + runId + "'")
                .hasMessageContaining("RunIds.create");
    }

    @Test
    void shouldRejectRunIdsTooLongForJobNames() {
        // then
        assertThat(RunIds.isValid("a".repeat(RunIds.MAX_LENGTH))).isTrue();
        assertThat(RunIds.isValid("a".repeat(RunIds.MAX_LENGTH + 1))).isFalse();
    }
}

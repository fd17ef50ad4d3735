package io.jenkins.plugins.locust.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocustVersionTest {
    @Test
    void shouldReadReleasesAndImageTags() {
        assertThat(LocustVersion.parse("2.47.0")).contains(new LocustVersion(2, 47, 0));
        assertThat(LocustVersion.parse("locustio/locust:2.19")).contains(new LocustVersion(2, 19, 0));
        assertThat(LocustVersion.parse("latest")).isEmpty();
    }

    @Test
    void shouldTakeDebiansEmptyVersionFor2121() {
        assertThat(LocustVersion.parse("")).contains(LocustVersion.UNVERSIONED_BUILD);
        assertThat(LocustVersion.parse("0.0.0")).contains(LocustVersion.UNVERSIONED_BUILD);
    }

    @Test
    void shouldCompareNumerically() {
        assertThat(new LocustVersion(2, 19, 0).atLeast(LocustVersion.PROCESSES_FLAG))
                .isTrue();
        assertThat(new LocustVersion(2, 9, 9).atLeast(LocustVersion.PROCESSES_FLAG))
                .isFalse();
        assertThat(new LocustVersion(3, 0, 0).atLeast(LocustVersion.PROCESSES_FLAG))
                .isTrue();
    }
}

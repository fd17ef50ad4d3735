package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingChecksTest {
    @Test
    void shouldAcceptBlankAsNotSet() {
        assertThat(SettingChecks.wholeNumber("Max users", " ")).isEmpty();
        assertThat(SettingChecks.cpu("Worker CPU", null)).isEmpty();
        assertThat(SettingChecks.memory("Worker memory", "")).isEmpty();
        assertThat(SettingChecks.duration("Start timeout", "")).isEmpty();
        assertThat(SettingChecks.namespace("Namespace", "")).isEmpty();
        assertThat(SettingChecks.hostPatterns("Allowed target hosts", "")).isEmpty();
    }

    @Test
    void shouldNameTheSettingAndTheValueWhenWrong() {
        assertThat(SettingChecks.wholeNumber("Max users", "-3"))
                .hasValueSatisfying(m -> assertThat(m).contains("Max users", "'-3'", "at least 1"));
        assertThat(SettingChecks.cpu("Worker CPU", "1Gi"))
                .hasValueSatisfying(m -> assertThat(m).contains("Worker CPU", "'1Gi'", "500m"));
        assertThat(SettingChecks.memory("Worker memory", "512m"))
                .hasValueSatisfying(m -> assertThat(m).contains("Worker memory", "'512m'", "512Mi"));
        assertThat(SettingChecks.duration("Start timeout", "0s"))
                .hasValueSatisfying(m -> assertThat(m).contains("Start timeout", "'0s'"));
        assertThat(SettingChecks.namespace("Namespace", "Load_Tests"))
                .hasValueSatisfying(m -> assertThat(m).contains("Namespace", "'Load_Tests'"));
        assertThat(SettingChecks.hostPatterns("Allowed target hosts", "http://x"))
                .hasValueSatisfying(m -> assertThat(m).contains("Allowed target hosts", "'http://x'"));
    }

    @Test
    void shouldAcceptUsualValues() {
        assertThat(SettingChecks.wholeNumber("Max users", "1000")).isEmpty();
        assertThat(SettingChecks.cpu("Worker CPU", "500m")).isEmpty();
        assertThat(SettingChecks.memory("Worker memory", "2Gi")).isEmpty();
        assertThat(SettingChecks.duration("Start timeout", "5m")).isEmpty();
        assertThat(SettingChecks.namespace("Namespace", "load-tests")).isEmpty();
    }
}

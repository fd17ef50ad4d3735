package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodCreationTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Error creating: pods \"locust-r-worker-x\" is forbidden: violates PodSecurity \"restricted:latest\":"
                        + " privileged | loadtest render",
                "Error creating: pods \"locust-r-worker-x\" is forbidden: exceeded quota: q, requested: cpu=1,"
                        + " used: cpu=2, limited: cpu=2 | ResourceQuota",
                "Error creating: pods \"locust-r-worker-x\" is forbidden: failed quota: q: must specify limits.cpu"
                        + " for: locust | CPU limit",
                "Error creating: pods \"locust-r-worker-x\" is forbidden: maximum cpu usage per Container is 500m,"
                        + " but limit is 1 | LimitRange",
                "Error creating: pods \"locust-r-worker-x\" is forbidden: error looking up service account"
                        + " load/runner: serviceaccount \"runner\" not found | create it, or fix serviceAccount",
                "Error creating: pods \"locust-r-worker-x\" is forbidden: unable to validate against any security"
                        + " context constraint | SCC",
            })
    void shouldSayWhatToDoForEachReasonAPodIsRefused(String event, String advice) {
        assertThat(PodCreation.hint(event)).contains(advice);
    }
}

package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.run.LocustVersion;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodCommandsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "locustio/locust:2.47.0, 2.47.0",
        "mirror.example.com/locustio/locust:2.18.3, 2.18.3",
        "registry.example.com/perf/custom-image:1.0, 2.19.0",
        "locustio/locust@sha256:0123abcd, 2.19.0",
    })
    void shouldTakeTheVersionFromOfficialTagsAndTrustOtherImages(String image, String expected) {
        assertThat(PodCommands.imageVersion(image)).hasToString(expected);
        assertThat(LocustVersion.parse(expected)).contains(PodCommands.imageVersion(image));
    }

    @Test
    void shouldRefuseProcessesOnAnOfficialImageTooOldForThemNamingTheField() {
        // given
        LoadTestSpec spec = RenderCases.spec("locustfile.py")
                .image("locustio/locust:2.18.0")
                .processes(4)
                .build();

        // then
        assertThatThrownBy(() -> PodCommands.worker(spec, "/mnt/locust", "master"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("processes = '4'")
                .hasMessageContaining("2.19.0");
    }

    @Test
    void shouldLetTheWebUiStartTheTestInsteadOfRunningHeadless() {
        // given
        LoadTestSpec spec = RenderCases.spec("locustfile.py").build();

        // when
        var args = PodCommands.master(spec, "/mnt/locust", true);

        // then
        assertThat(args).doesNotContain("--headless").containsSequence("--autostart", "--autoquit", "0");
        assertThat(PodCommands.master(spec, "/mnt/locust", false)).contains("--headless");
    }
}

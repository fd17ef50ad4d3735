package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessSizingTest {
    @ParameterizedTest(name = "{0} CPUs on {1} -> {2}")
    @CsvSource({
        "1, locustio/locust:2.47.0, 1",
        "4, locustio/locust:2.47.0, 4",
        "2.5, locustio/locust:2.47.0, 2",
        "3500m, locustio/locust:2.19.0, 3",
        "500m, locustio/locust:2.47.0, 1",
        "4, locustio/locust:2.18.1, 1",
        "4, registry.example.com/mirror/locustio/locust:2.40, 4",
        "4, registry.example.com/perf/custom-image:1.0, 1",
        "4, locustio/locust, 1",
        "lots, locustio/locust:2.47.0, 1",
    })
    void shouldSizeProcessesFromWholeCpusOnlyForLocustImagesWithProcesses(String cpu, String image, int expected) {
        // given
        Resources worker = new Resources(cpu, null, "1Gi", "1Gi");

        // when
        int processes = ProcessSizing.forWorker(worker, image);

        // then
        assertThat(processes).isEqualTo(expected);
    }

    @Test
    void shouldDeriveProcessesInTheSpecOnlyWhenNotGiven() {
        // given
        LoadTestSpecBuilder builder = LoadTestSpec.builder()
                .script(Path.of("src/test/resources/io/jenkins/plugins/locust/kubernetes/golden/scripts/locustfile.py")
                        .toString())
                .slaves(3)
                .workerResources(new Resources("4", null, "2Gi", "2Gi"));

        // when
        LoadTestSpec derived = builder.build();
        LoadTestSpec explicit = builder.processes(1).build();

        // then
        assertThat(derived.processes()).isEqualTo(4);
        assertThat(derived.expectedWorkers()).isEqualTo(12);
        assertThat(explicit.processes()).isEqualTo(1);
    }
}

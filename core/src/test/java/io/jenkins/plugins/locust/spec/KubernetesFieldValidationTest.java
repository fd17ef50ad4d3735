package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fields the API server would refuse at create time (a 422 after the ConfigMap exists), refused up front instead. */
class KubernetesFieldValidationTest {
    @TempDir
    Path workspace;

    private LoadTestSpecBuilder valid(String locustfile) throws IOException {
        Files.writeString(
                workspace.resolve(locustfile),
                "from locust import HttpUser, task\n\n\nclass Shop(HttpUser):\n    @task\n    def index(self):\n"
                        + "        self.client.get(\"/\")\n");
        return LoadTestSpec.builder().workspace(workspace).script(locustfile);
    }

    private static KubernetesOptions nodeSelector(String key, String value) {
        return new KubernetesOptions(null, null, List.of(), Map.of(key, value), null, false, 4, null);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "'node pool', load",
        "pool, 'load tests'",
        "example.com/, load",
        "Example.com/pool, load",
        "pool, -load",
        "'', load",
    })
    void shouldRefuseANodeSelectorTheApiServerWouldRefuse(String key, String value) throws IOException {
        // when
        List<FieldError> errors =
                SpecValidatorTest.errorsOf(valid("locustfile.py").kubernetes(nodeSelector(key, value)));

        // then
        assertThat(errors).extracting(FieldError::field).containsOnly("nodeSelector");
        assertThat(errors.get(0).value()).isEqualTo(key + "=" + value);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"node.kubernetes.io/instance-type, c6i.xlarge", "pool, ''", "cloud.google.com/gke-spot, 'true'"})
    void shouldAcceptValidNodeSelectors(String key, String value) throws IOException {
        assertThat(valid("locustfile.py")
                        .kubernetes(nodeSelector(key, value))
                        .build()
                        .kubernetes()
                        .nodeSelector())
                .containsEntry(key, value);
    }

    @Test
    void shouldRefuseALocustfileWithACommaInItsName() throws IOException {
        // when Locust would read "-f fix.py,shop,v2.py" as three files
        FieldError error = SpecValidatorTest.onlyError(valid("shop,v2.py"));

        // then
        assertThat(error.field()).isEqualTo("script");
        assertThat(error.value()).isEqualTo("shop,v2.py");
        assertThat(error.message()).contains("rename the file without ','");
    }
}

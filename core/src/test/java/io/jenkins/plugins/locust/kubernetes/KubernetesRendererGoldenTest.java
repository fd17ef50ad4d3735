package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec in, YAML out: each case in {@link RenderCases} must render exactly its {@code <case>-expected.yaml}. After an
 * intended change, rewrite the files with {@code ./mvnw -pl core test -Dtest=KubernetesRendererGoldenTest
 * -Dgolden.update=true} and review the diff (see golden/README.md).
 */
class KubernetesRendererGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<RenderCases.Case> cases() {
        return RenderCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRenderTheExpectedManifests(RenderCases.Case golden) throws IOException {
        // given
        Path expectedFile = RenderCases.GOLDEN.resolve(golden.name() + "-expected.yaml");

        // when
        String yaml = ManifestYaml.of(KubernetesRenderer.render(golden.request().get()));

        // then
        if (UPDATE) {
            Files.writeString(expectedFile, yaml);
        }
        assertThat(expectedFile).exists();
        assertThat(yaml).isEqualTo(Files.readString(expectedFile).replace("\r\n", "\n"));
    }
}

package io.jenkins.plugins.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    private static final String USER =
            "from locust import User, task\n\nclass ShopUser(User):\n    @task\n    def t(self):\n        pass\n";

    @TempDir
    Path dir;

    @Test
    void shouldShipASingleLocustfileWithTheReporterAndTheFix() throws Exception {
        // given
        Path script = Files.writeString(dir.resolve("shop.py"), USER);
        LoadTestSpec spec =
                LoadTestSpec.builder().script(script.toString()).stage("30s:10").build();

        // when
        Map<String, byte[]> files = RunFiles.of(spec, "[{\"expression\":\"p95 < 800ms abort\"}]");

        // then
        assertThat(files).containsOnlyKeys("shop.py", RunFiles.REPORTER, RunFiles.FIX, RunFiles.CONFIG);
        assertThat(new String(files.get(RunFiles.REPORTER), StandardCharsets.UTF_8))
                .contains("##loadtest:v1 ");
        assertThat(new String(files.get(RunFiles.CONFIG), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"start_timeout_seconds\":300,\"stages\":[{\"seconds\":30.0,\"users\":10,\"spawn_rate\":1.0}],"
                                + "\"abort_rules\":[{\"expression\":\"p95 < 800ms abort\"}]}");
    }

    @Test
    void shouldShipAFolderWithoutCachesOrHiddenFiles() throws Exception {
        // given
        Path folder = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(folder.resolve("locustfile.py"), "import helpers.auth\n" + USER);
        Files.createDirectories(folder.resolve("helpers/__pycache__"));
        Files.writeString(folder.resolve("helpers/auth.py"), "TOKEN = 1\n");
        Files.writeString(folder.resolve("helpers/__pycache__/auth.cpython-311.pyc"), "x");
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/HEAD"), "ref");
        LoadTestSpec spec = LoadTestSpec.builder().script(folder.toString()).build();

        // when
        Map<String, byte[]> files = RunFiles.of(spec, "[]");

        // then
        assertThat(files)
                .containsKeys("locustfile.py", "helpers/auth.py")
                .doesNotContainKeys("helpers/__pycache__/auth.cpython-311.pyc", ".git/HEAD");
    }

    @Test
    void shouldRefuseAUserFileWithTheReportersName() throws IOException {
        // given
        Path folder = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(folder.resolve("locustfile.py"), USER);
        Files.writeString(folder.resolve(RunFiles.REPORTER), "#\n");
        LoadTestSpec spec = LoadTestSpec.builder().script(folder.toString()).build();

        // then
        assertThatThrownBy(() -> RunFiles.of(spec, "[]"))
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining(RunFiles.REPORTER)
                .hasMessageContaining("rename");
    }
}

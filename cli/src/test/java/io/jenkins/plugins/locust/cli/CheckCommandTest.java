package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldExitTwoNamingTheServerThatDoesNotAnswer() throws IOException {
        // given a kubeconfig pointing at a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path kubeconfig = dir.resolve("config");
        Files.writeString(
                kubeconfig,
                """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: u, user: {token: secret-token}}]
                contexts: [{name: x, context: {cluster: c, user: u, namespace: load-tests}}]
                current-context: x
                """
                        .formatted(port),
                StandardCharsets.UTF_8);

        // when
        CliRun run = CliRun.of("check", "--kubeconfig", kubeconfig.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_CARRIED_OUT);
        assertThat(run.out())
                .contains("server", "FAILED", "http://127.0.0.1:" + port)
                .doesNotContain("secret-token");
        assertThat(run.err()).contains("a run cannot start in namespace load-tests");
    }

    @Test
    void shouldRefuseABadOptionBeforeContactingTheCluster() {
        // when
        CliRun run = CliRun.of(
                "check",
                "--worker-memory",
                "1Gb",
                "--kubeconfig",
                dir.resolve("none").toString());

        // then
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_CARRIED_OUT);
        assertThat(run.err()).contains("workerResources.memoryRequest");
    }
}

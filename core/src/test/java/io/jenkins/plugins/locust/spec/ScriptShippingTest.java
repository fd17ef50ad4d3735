package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single-file script ships alone: data files its code reads from next to it stay behind. */
class ScriptShippingTest {
    static final String READS_CSV =
            """
            import csv, os
            from locust import HttpUser, task

            with open(os.path.join(os.path.dirname(__file__), "users.csv")) as f:
                ROWS = list(csv.reader(f))
            BANNER = "hello"

            class U(HttpUser):
                @task
                def t(self):
                    self.client.get("/")
            """;

    @TempDir
    Path workspace;

    @Test
    void shouldWarnThatADataFileNextToASingleFileScriptIsNotShipped() throws IOException {
        // given
        Files.writeString(workspace.resolve("data.py"), READS_CSV);
        Files.writeString(workspace.resolve("users.csv"), "a,b\n");

        // when
        LoadTestSpec spec =
                LoadTestSpec.builder().workspace(workspace).script("data.py").build();

        // then
        assertThat(spec.warnings())
                .extracting(FieldError::toString)
                .containsExactly("script = 'data.py': it reads users.csv from its folder, but only the file itself is"
                        + " shipped to Locust (which then fails with ModuleNotFoundError or FileNotFoundError); set"
                        + " script to the folder (and locustfile to data.py)");
    }

    @Test
    void shouldNotWarnWhenTheFolderIsTheScript() throws IOException {
        Files.writeString(workspace.resolve("locustfile.py"), READS_CSV);
        Files.writeString(workspace.resolve("users.csv"), "a,b\n");

        LoadTestSpec spec =
                LoadTestSpec.builder().workspace(workspace).script(".").build();

        assertThat(spec.warnings()).isEmpty();
    }
}

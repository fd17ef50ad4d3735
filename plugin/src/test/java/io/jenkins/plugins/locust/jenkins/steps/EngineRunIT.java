package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.testing.TestTarget;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step's engine part with real Locust processes (the project venv) against a target on 127.0.0.1: the arguments
 * as a Pipeline would give them, the verdict the step turns into a build result, the log lines it prints.
 */
class EngineRunIT {
    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    @Test
    void shouldRunTheTestAndReturnTheVerdictOfTheThresholds() throws Exception {
        copyLocustfile("perf/locustfile.py");
        List<String> log = new CopyOnWriteArrayList<>();
        try (TestTarget target = TestTarget.start()) {
            StepArguments arguments = new StepArguments(
                    "perf/locustfile.py",
                    2, // Locust spawns 1 user/s by default: both users run within the first seconds
                    2,
                    "10s", // long enough for requests even on 2 cores shared with other builds
                    target.url(),
                    // a threshold no 10 s run can meet, whatever the machine's load: the verdict must be UNSTABLE
                    List.of("requests > 1000000 unstable"));

            VerdictStatus status = new EngineRun(arguments, workspace, buildDir, python(), log::add).run();

            assertThat(status).as(String.join("\n", log)).isEqualTo(VerdictStatus.UNSTABLE);
            assertThat(target.totalRequests()).as(String.join("\n", log)).isPositive();
        }
        assertThat(log).anySatisfy(line -> assertThat(line).contains("All 2 workers connected"));
    }

    private void copyLocustfile(String path) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        try (InputStream in = TestTarget.class.getResourceAsStream("target_users.py")) {
            assertThat(in).as("core's test locustfile").isNotNull();
            Files.copy(in, file);
        }
    }

    /** As on a controller: Python named by LOADTEST_PYTHON, here the project's venv. */
    private static Map<String, String> python() {
        String venv = System.getProperty("locust.venv", ".venv");
        return Map.of("LOADTEST_PYTHON", Path.of(venv, "bin", "python").toString());
    }
}

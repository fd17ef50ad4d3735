package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input forms a user types that picocli must hand to validation unchanged, so the answer is the documented one. */
class CliInputFormsTest {
    @TempDir
    Path dir;

    String script;

    @BeforeEach
    void writeLocustfile() throws IOException {
        script = TestScripts.locustfile(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--locust-arg=--users=50", "--locust-arg=-u50", "--locust-arg=-u"})
    void shouldAnswerAManagedFlagInLocustArgWithTheFieldToUseNotAUsageDump(String arg) {
        // when
        CliRun run = CliRun.of("validate", script, arg);

        // then
        String value = arg.substring("--locust-arg=".length());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("loadtest: invalid input (1 error):\n  - locustArgs (--locust-arg) = '" + value + "': ")
                .contains("use the 'users' field instead")
                .doesNotContain("Usage:");
    }

    @Test
    void shouldRefuseAnAbbreviatedManagedFlag() {
        CliRun run = CliRun.of("validate", script, "--locust-arg=--run-ti=5s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("  - locustArgs (--locust-arg) = '--run-ti=5s': --run-ti is an abbreviation of --run-time to"
                        + " Locust");
    }

    @Test
    void shouldPassEnvValuesWithQuotesAsWrittenWithoutPicocliWarnings() {
        // given
        List<LoadTestSpec> launched = new ArrayList<>();
        RunLauncher launcher = (spec, settings, console) -> {
            launched.add(spec);
            throw new LoadTestException("stop here: only the spec matters");
        };
        PrintStream originalErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CliRun run;

        // when (picocli's own tracer writes to System.err)
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            run = CliRun.withLauncher(
                    launcher,
                    "run",
                    script,
                    "-e",
                    "TOKEN=a\"b",
                    "--env",
                    "JSON={\"k\": \"v=1\"}",
                    "-e",
                    "EMPTY=",
                    "--out",
                    dir.resolve("out").toString());
        } finally {
            System.setErr(originalErr);
        }

        // then
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("picocli");
        assertThat(run.err()).doesNotContain("picocli");
        assertThat(launched).hasSize(1);
        assertThat(launched.get(0).env()).isEqualTo(Map.of("TOKEN", "a\"b", "JSON", "{\"k\": \"v=1\"}", "EMPTY", ""));
    }

    @Test
    void shouldAskForAValueWhenAnEnvEntryHasNoEqualsSign() {
        CliRun run = CliRun.of("validate", script, "-e", "TOKEN");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("  - env (--env) = 'TOKEN': give TOKEN a value (an empty one is fine)");
    }

    @Test
    void shouldSayAZeroRunTimeLeavesNoTime() {
        CliRun run = CliRun.of("validate", script, "--run-time", "0s");

        assertThat(run.err())
                .isEqualTo("loadtest: invalid input (1 error):\n  - runTime (--run-time) = '0s': a zero runTime leaves"
                        + " no time to run; give a duration above zero such as 30s, 5m or 1h30m\n");
    }

    @Test
    void shouldAcceptTheLocustfilesShapeAndSaySo() throws IOException {
        // given
        Path shaped = dir.resolve("stages.py");
        Files.writeString(
                shaped,
                "from locust import HttpUser, LoadTestShape\nclass U(HttpUser):\n    pass\n"
                        + "class StagesShape(LoadTestShape):\n    def tick(self):\n        return None\n");

        // when
        CliRun ok = CliRun.of("validate", shaped.toString());
        CliRun withUsers = CliRun.of("validate", shaped.toString(), "-u", "5", "-t", "10s");

        // then
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out())
                .isEqualTo("OK: " + shaped + " (entry stages.py): load shape StagesShape from the locustfile (at most"
                        + " 1h) on 1 worker, 0 thresholds\n");
        assertThat(withUsers.exitCode()).isEqualTo(2);
        assertThat(withUsers.err())
                .isEqualTo("loadtest: invalid input (1 error):\n  - users (--users) = '5': the locustfile's load shape"
                        + " StagesShape sets the number of users itself and Locust ignores users next to it; remove"
                        + " users, or remove the shape class to run a fixed number of users\n");
    }

    @Test
    void shouldRefuseAScriptPythonCannotCompile() throws IOException {
        // given
        Path broken = dir.resolve("broken.py");
        Files.writeString(broken, "from locust import HttpUser\nclass U(HttpUser):\n    def t(self)\n        pass\n");

        // when (python3 compiles it, as run would with its Python)
        CliRun run = CliRun.of("validate", broken.toString(), "--python", "python3");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("loadtest: invalid input (1 error):\n  - script (SCRIPT) = '" + broken
                        + "': Python cannot compile broken.py line 3: ")
                .contains("(def t(self)); fix the syntax error");
        assertThat(run.out()).isEmpty();
    }
}

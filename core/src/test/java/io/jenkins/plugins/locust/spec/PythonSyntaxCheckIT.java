package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The syntax check runs the real Python that will run Locust, without importing the user's code. */
class PythonSyntaxCheckIT {
    private static final Path PYTHON =
            Path.of(System.getProperty(LocustInstallation.VENV_PROPERTY, ".venv"), "bin", "python");

    @TempDir
    Path dir;

    @Test
    void shouldNameTheFileAndLineOfASyntaxError() throws Exception {
        // given
        Path script = TestLocustfiles.write(dir, TestLocustfiles.SYNTAX_ERROR);
        LoadTestSpec spec = LoadTestSpec.builder().script(script.toString()).build();

        // when
        List<FieldError> errors = PythonSyntaxCheck.check(spec, PYTHON);

        // then
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo("script");
        assertThat(errors.get(0).message())
                .startsWith("Python cannot compile syntax_error.py line 7: ")
                .endsWith("; fix the syntax error");
    }

    @Test
    void shouldCompileTheImportedHelpersOfAFolderWithoutRunningThem() throws Exception {
        // given a helper with a syntax error, and an entry file that would write a file if it ran
        Path folder = Files.createDirectories(dir.resolve("perf/helpers"));
        Files.writeString(folder.resolve("__init__.py"), "");
        Files.writeString(folder.resolve("auth.py"), "def login(:\n    pass\n");
        Files.writeString(folder.resolve("unused.py"), "this is not python\n");
        Files.writeString(
                dir.resolve("perf/locustfile.py"),
                "import pathlib\npathlib.Path(__file__).with_name('ran').write_text('x')\nfrom helpers.auth import"
                        + " login\n" + SpecValidatorTest.USER_FILE);
        LoadTestSpec spec =
                LoadTestSpec.builder().script(dir.resolve("perf").toString()).build();

        // when
        List<FieldError> errors = PythonSyntaxCheck.check(spec, PYTHON);

        // then only the imported helper is reported (the unused file is not loaded by Locust), nothing ran
        assertThat(errors)
                .extracting(FieldError::message)
                .singleElement()
                .asString()
                .startsWith("Python cannot compile helpers/auth.py line 1: ");
        assertThat(dir.resolve("perf/ran")).doesNotExist();
    }

    @Test
    void shouldPassAFileThatCompiles() throws Exception {
        Path script = TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS);
        LoadTestSpec spec = LoadTestSpec.builder().script(script.toString()).build();

        assertThat(PythonSyntaxCheck.check(spec, PYTHON)).isEmpty();
    }

    @Test
    void shouldSayWhenThePythonCannotRun() throws IOException {
        Path script = TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS);
        LoadTestSpec spec = LoadTestSpec.builder().script(script.toString()).build();

        assertThatThrownBy(() -> PythonSyntaxCheck.check(spec, dir.resolve("no-python")))
                .isInstanceOf(IOException.class);
    }
}

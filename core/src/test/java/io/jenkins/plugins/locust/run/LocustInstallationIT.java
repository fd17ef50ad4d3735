package io.jenkins.plugins.locust.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version probe with real Pythons: the project venv, Debian's Locust, none, and a Locust without metadata. */
class LocustInstallationIT {
    @TempDir
    Path tmp;

    /** A venv of the system Python without pip: fast to create, and it sees no system packages. */
    private Path emptyVenv() throws Exception {
        Process process = new ProcessBuilder(
                        "python3",
                        "-m",
                        "venv",
                        "--without-pip",
                        tmp.resolve("venv").toString())
                .inheritIO()
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return tmp.resolve("venv/bin/python");
    }

    private Path sitePackages(Path python) throws Exception {
        try (var dirs = Files.list(tmp.resolve("venv/lib"))) {
            Path lib = dirs.filter(dir -> dir.getFileName().toString().startsWith("python"))
                    .findFirst()
                    .orElseThrow();
            return Files.createDirectories(lib.resolve("site-packages"));
        }
    }

    @Test
    void shouldReadTheVersionOfTheVenvsAndDebiansLocust() throws Exception {
        // when
        LocustInstallation venv = LocustInstallation.forTests();
        LocustInstallation debian = LocustInstallation.probe(Path.of("/usr/bin/python3"));

        // then
        assertThat(venv.version())
                .hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("2.47.0"));
        assertThat(debian.version())
                .hasValueSatisfying(v -> assertThat(v.toString()).startsWith("2.12."));
    }

    @Test
    void shouldSayWhatTheImportWouldSayWhenThereIsNoLocust() throws Exception {
        // given
        Path python = emptyVenv();

        // when
        LocustInstallation none = LocustInstallation.probe(python);

        // then
        assertThat(none.available()).isFalse();
        assertThat(none.problem()).isEqualTo("ModuleNotFoundError: No module named 'locust'");
    }

    @Test
    void shouldImportALocustThatHasNoPackageMetadata() throws Exception {
        // given a source checkout's package on the path, without dist-info
        Path python = emptyVenv();
        Path locust = Files.createDirectories(sitePackages(python).resolve("locust"));
        Files.writeString(locust.resolve("__init__.py"), "__version__ = '2.20.1'\n");

        // when
        LocustInstallation checkout = LocustInstallation.probe(python);

        // then
        assertThat(checkout.version())
                .hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("2.20.1"));
    }
}

package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.run.LoadTestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    @TempDir
    Path dir;

    private final List<String> console = new ArrayList<>();

    @Test
    void shouldRefuseASecondRunOnTheSameFolderNamingTheHolderAndTheFix() throws Exception {
        // given
        Path out = dir.resolve("out");
        try (OutputLock first = OutputLock.acquire(out, console::add)) {
            // when / then
            assertThatThrownBy(() -> OutputLock.acquire(out.resolve("."), console::add))
                    .isInstanceOf(LoadTestException.class)
                    .hasMessageContaining("Another run is writing to the output folder --out")
                    .hasMessageContaining("Wait for it to end, or give this run another --out");
        }
    }

    @Test
    void shouldNameTheOwnerInTheLockFileAndEmptyItOnRelease() throws Exception {
        // given
        Path out = dir.resolve("out");

        // when
        try (OutputLock lock = OutputLock.acquire(out, console::add)) {
            // then
            assertThat(out.resolve(OutputLock.FILE))
                    .content()
                    .startsWith("loadtest pid " + ProcessHandle.current().pid() + ", started ");
        }
        assertThat(out.resolve(OutputLock.FILE)).isEmptyFile();
        try (OutputLock again = OutputLock.acquire(out, console::add)) {
            assertThat(console).isEmpty();
        }
    }

    @Test
    void shouldTakeOverTheLockOfAKilledRunAndSaySo() throws Exception {
        // given a lock file that still names a run killed before it could empty it
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(OutputLock.FILE), "loadtest pid 4242, started 2026-12-03T07:00:00Z");

        // when
        try (OutputLock lock = OutputLock.acquire(out, console::add)) {
            // then
            assertThat(console)
                    .singleElement()
                    .asString()
                    .contains("was locked by a run that ended without releasing it (loadtest pid 4242")
                    .contains("taking the lock over");
        }
    }
}

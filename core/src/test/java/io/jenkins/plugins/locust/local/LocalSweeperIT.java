package io.jenkins.plugins.locust.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.run.RunFiles;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What killed local runs leave behind, with real folders and real (shell) processes standing in for Locust. */
class LocalSweeperIT {
    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // the shell's sleep would outlive it
            process.destroyForcibly();
        }
    }

    /** A folder as a run creates it, owned by the given process. */
    private Path runFolder(String name, ProcessHandle owner) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(RunDirectory.PREFIX + name));
        Files.writeString(dir.resolve(RunDirectory.OWNER_FILE), RunDirectory.owner(owner), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("locustfile.py"), "pass\n");
        return dir;
    }

    /** A process that has ended, as the owner of a run whose JVM was killed. */
    private ProcessHandle deadProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.toHandle();
    }

    /**
     * A process naming a file of the folder on its command line, as Locust's -f does, with a child (the sweep counts
     * both). Returned once the shell says it has forked the child, so the sweep never runs before the fork.
     */
    private Process processUsing(Path dir) throws Exception {
        Process process = new ProcessBuilder(
                        "sh",
                        "-c",
                        "sleep 60 & echo forked; wait",
                        dir.resolve("locustfile.py").toString())
                .start();
        started.add(process);
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("forked");
        return process;
    }

    @Test
    void shouldRemoveTheFolderAndTheProcessesOfARunWhoseOwnerIsGone() throws Exception {
        // given
        Path stale = runFolder("dead-1", deadProcess());
        Process orphan = processUsing(stale);

        // when
        List<LocalSweeper.Swept> swept = new LocalSweeper(tmp).sweep();

        // then the shell and its sleep are ended
        assertThat(swept).containsExactly(new LocalSweeper.Swept(stale, 2, null));
        assertThat(stale).doesNotExist();
        assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldKeepTheRunsOfLiveOwnersAndYoungFoldersWithoutOwner() throws Exception {
        // given
        Path live = runFolder("live-1", ProcessHandle.current());
        Process running = processUsing(live);
        Path young = Files.createDirectories(tmp.resolve(RunDirectory.PREFIX + "young-1"));
        Path unrelated = Files.createDirectories(tmp.resolve("loadtest-out"));

        // when
        List<LocalSweeper.Swept> swept = new LocalSweeper(tmp).sweep();

        // then
        assertThat(swept).isEmpty();
        assertThat(live).exists();
        assertThat(young).exists();
        assertThat(unrelated).exists();
        assertThat(running.isAlive()).isTrue();
    }

    @Test
    void shouldTakeAReusedPidForADifferentOwner() throws Exception {
        // given this JVM's pid with another start time: the pid was reused after the owner died
        Path stale = Files.createDirectories(tmp.resolve(RunDirectory.PREFIX + "reused-1"));
        long otherStart = Instant.now().minus(Duration.ofDays(3)).toEpochMilli();
        Files.writeString(
                stale.resolve(RunDirectory.OWNER_FILE), ProcessHandle.current().pid() + " " + otherStart);

        // when
        List<LocalSweeper.Swept> swept = new LocalSweeper(tmp).sweep();

        // then
        assertThat(swept).extracting(LocalSweeper.Swept::folder).containsExactly(stale);
        assertThat(stale).doesNotExist();
    }

    @Test
    void shouldRemoveAnOldRunFolderWithoutOwnerThatNoProcessUses() throws Exception {
        // given a run folder of an older version and an output folder named alike, both untouched for long
        Path old = Files.createDirectories(tmp.resolve(RunDirectory.PREFIX + "old-1"));
        Files.writeString(old.resolve(RunFiles.FIX), "# the fix\n");
        Path output = Files.createDirectories(tmp.resolve(RunDirectory.PREFIX + "out2"));
        for (Path dir : List.of(old, output)) {
            Files.setLastModifiedTime(
                    dir,
                    FileTime.from(Instant.now().minus(LocalSweeper.UNOWNED_AGE).minusSeconds(60)));
        }

        // when
        List<LocalSweeper.Swept> swept = new LocalSweeper(tmp).sweep();

        // then
        assertThat(swept).extracting(LocalSweeper.Swept::folder).containsExactly(old);
        assertThat(old).doesNotExist();
        assertThat(output).exists();
    }

    @Test
    void shouldWriteTheOwnerIntoEveryRunFolder() throws Exception {
        // given
        LoadTestSpec spec = LoadTestSpec.builder()
                .script(TestLocustfiles.write(tmp, TestLocustfiles.TARGET_USERS).toString())
                .build();

        // when
        Path dir = RunDirectory.create(new RunRequest("lt-owner", spec, Map.of("locustfile.py", new byte[0])));
        try {
            // then
            assertThat(dir.getFileName().toString()).startsWith(RunDirectory.PREFIX + "lt-owner-");
            assertThat(RunDirectory.ownerAlive(dir)).contains(true);
        } finally {
            RunDirectory.delete(dir);
        }
    }
}

package io.jenkins.plugins.locust.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.locust.run.BackendEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process handling of the local backend with small shell processes standing in for Locust (1-2 s). */
class LocalRunHandleIT {
    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> faults = new CopyOnWriteArrayList<>();
    private final BackendEvents events = new BackendEvents() {
        @Override
        public void line(String source, String text) {
            lines.add(source + ": " + text);
        }

        @Override
        public void fault(String message, boolean fatal) {
            faults.add(message);
        }
    };
    private LocalRunHandle handle;

    @AfterEach
    void cleanUp() {
        handle.close();
    }

    private ManagedProcess start(String source, String script) throws Exception {
        return ManagedProcess.start(source, new ProcessBuilder("bash", "-c", script), events);
    }

    @Test
    void shouldKeepReadingTheMasterAfterAskingItToStop() throws Exception {
        // given a master that prints its result when it gets SIGTERM, as Locust does
        handle = new LocalRunHandle(Files.createDirectories(dir.resolve("work")), events);
        handle.master(start("master", "trap 'echo final; exit 0' TERM; echo started; while true; do sleep 0.1; done"));
        LocalRunFixture.await("the master to start", Duration.ofSeconds(10), () -> lines.contains("master: started"));

        // when
        handle.stop();

        // then
        assertThat(handle.masterExit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(lines).containsExactly("master: started", "master: final");
    }

    @Test
    void shouldEndEveryProcessItStartedWithTheirChildrenAndRemoveTheFiles() throws Exception {
        // given a worker that forked children which ignore SIGTERM, and a master
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("locustfile.py"), "#");
        handle = new LocalRunHandle(work, events);
        handle.master(start("master", "sleep 60"));
        ManagedProcess worker =
                start("worker-1", "trap '' TERM; (trap '' TERM; sleep 60) & sleep 60 & echo forked; wait");
        handle.worker(worker);
        LocalRunFixture.await("the worker to fork", Duration.ofSeconds(10), () -> lines.contains("worker-1: forked"));
        List<ProcessHandle> all = handle.processes().stream()
                .flatMap(p -> ProcessTree.of(p.handle()).stream())
                .toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(4);

        // when
        handle.close();

        // then
        assertThat(all).noneMatch(ProcessHandle::isAlive);
        assertThat(work).doesNotExist();
        assertThat(faults).isEmpty();
    }

    @Test
    void shouldReportAWorkerThatDiesDuringTheRun() throws Exception {
        // given
        handle = new LocalRunHandle(Files.createDirectories(dir.resolve("work")), events);
        handle.master(start("master", "sleep 60"));

        // when
        handle.worker(start("worker-1", "exit 0"));
        handle.worker(start("worker-2", "exit 3"));

        // then only the failing one is a fault: exit 0 is a worker the master told to quit
        LocalRunFixture.await("the fault", Duration.ofSeconds(10), () -> !faults.isEmpty());
        assertThat(faults)
                .singleElement()
                .asString()
                .startsWith("worker-2 (pid ")
                .contains("exit code 3");
    }

    @Test
    void shouldEndAProcessThatIsRegisteredAfterCloseBegan() throws Exception {
        // given a launch loop that started one more worker just as a SIGTERM closed the run
        handle = new LocalRunHandle(Files.createDirectories(dir.resolve("work")), events);
        handle.master(start("master", "sleep 60"));
        ManagedProcess late = start("worker-1", "sleep 60");
        handle.close();

        // when
        Throwable thrown = catchThrowable(() -> handle.worker(late));

        // then nothing outlives the run, and the launch loop learns it was interrupted
        assertThat(thrown).isInstanceOf(InterruptedException.class).hasMessageContaining("interrupted");
        assertThat(late.handle().onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(handle.processes()).noneMatch(ManagedProcess::isAlive);
    }

    @Test
    void shouldKeepTheStandardInputOpenWhileTheRunLives() throws Exception {
        // given
        handle = new LocalRunHandle(Files.createDirectories(dir.resolve("work")), events);

        // when a process reads its stdin with a 1-s timeout
        handle.master(start("master", "read -t 1 line; echo \"read status $?\""));

        // then the read timed out (status > 128) rather than hitting end of file (status 1)
        assertThat(handle.masterExit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(lines).singleElement().asString().matches("master: read status 1[3-9][0-9]");
    }

    @Test
    void shouldSignalEndOfFileWhenTheStandardInputIsClosed() throws Exception {
        // given a process that waits on its stdin, as Locust with the parent watch does
        handle = new LocalRunHandle(Files.createDirectories(dir.resolve("work")), events);
        ManagedProcess watcher = start("master", "read line; echo \"read status $?\"");
        handle.master(watcher);

        // when
        watcher.closeStdin();

        // then
        assertThat(handle.masterExit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(lines).containsExactly("master: read status 1");
    }
}

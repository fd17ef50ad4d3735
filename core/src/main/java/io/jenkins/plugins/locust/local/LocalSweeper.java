package io.jenkins.plugins.locust.local;

import io.jenkins.plugins.locust.run.RunFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Removes what local runs left behind when their JVM died without cleaning up (SIGKILL, out of memory, a crashed
 * controller): their temporary folders and any Locust process still using one (the stdin watch ends those by itself;
 * this also catches processes of older versions). Runs whose JVM is alive are never touched. Called at the start of
 * every local run and by {@code loadtest sweep --backend local}.
 */
public final class LocalSweeper {
    /**
     * A run folder without an owner file (older versions: recognised by the fix file in it) is stale when it is this
     * old and no process uses it.
     */
    static final Duration UNOWNED_AGE = Duration.ofMinutes(2);

    private static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * One swept folder.
     *
     * @param processesEnded processes (Locust and their children) that were still running from that folder
     * @param problem why the folder or a process could not be removed, or null when all is gone
     */
    public record Swept(Path folder, int processesEnded, String problem) {
        @Override
        public String toString() {
            return folder
                    + (processesEnded == 0 ? "" : " (ended " + processesEnded + " processes still using it)")
                    + (problem == null ? "" : ": " + problem);
        }
    }

    private final Path root;

    /** Sweeps java.io.tmpdir, where local runs create their folders. */
    public LocalSweeper() {
        this(RunDirectory.tempRoot());
    }

    LocalSweeper(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Removes every stale run folder and the processes still using it. */
    public List<Swept> sweep() throws InterruptedException {
        List<Swept> swept = new ArrayList<>();
        for (Path dir : runFolders()) {
            if (!stale(dir)) {
                continue;
            }
            List<ProcessHandle> users = processesUsing(dir);
            String problem = null;
            List<ProcessHandle> survivors = ProcessTree.terminate(users, GRACE);
            if (!survivors.isEmpty()) {
                problem = "could not end processes "
                        + survivors.stream().map(ProcessHandle::pid).toList();
            }
            try {
                RunDirectory.delete(dir);
            } catch (IOException e) {
                problem = (problem == null ? "" : problem + "; ") + "could not delete it: " + e.getMessage();
            }
            swept.add(new Swept(dir, users.size() - survivors.size(), problem));
        }
        return swept;
    }

    private List<Path> runFolders() {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, RunDirectory.PREFIX + "*")) {
            entries.forEach(dirs::add);
        } catch (IOException e) {
            // No temp folder to look into: nothing to sweep.
        }
        return dirs.stream().filter(Files::isDirectory).toList();
    }

    private static boolean stale(Path dir) {
        Optional<Boolean> ownerAlive = RunDirectory.ownerAlive(dir);
        if (ownerAlive.isPresent()) {
            return !ownerAlive.get();
        }
        if (!Files.exists(dir.resolve(RunFiles.FIX))) {
            return false; // not a run folder (e.g. the step's output folder on an agent, named alike)
        }
        try {
            Instant modified = Files.getLastModifiedTime(dir).toInstant();
            return modified.isBefore(Instant.now().minus(UNOWNED_AGE))
                    && processesUsing(dir).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Processes whose command line names the folder (Locust's {@code -f} lists its files), with their children. */
    private static List<ProcessHandle> processesUsing(Path dir) {
        String path = dir.toAbsolutePath() + "/";
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(p -> p.info().commandLine().orElse("").contains(path))
                    .forEach(p -> found.addAll(ProcessTree.of(p)));
        }
        return found.stream().distinct().toList();
    }
}

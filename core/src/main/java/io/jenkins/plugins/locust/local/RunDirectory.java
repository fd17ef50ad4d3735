package io.jenkins.plugins.locust.local;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local run's temporary folder ({@code loadtest-run-<run id>-…} in java.io.tmpdir) with the run's files and an owner
 * file naming the JVM that runs it (pid and start time, so a reused pid is not taken for the owner). When that JVM
 * died without cleaning up, {@link LocalSweeper} recognises the folder as stale.
 */
final class RunDirectory {
    /** Every run folder starts with it, whatever the run id looks like, so the sweeper finds them all. */
    static final String PREFIX = "loadtest-run-";
    /** Hidden, so that RunFiles never ships a user's file of that name. */
    static final String OWNER_FILE = ".loadtest-owner";
    /** Start times are computed from clock ticks: allow rounding, not a different process. */
    private static final long SAME_START_MILLIS = 1000;

    private RunDirectory() {}

    /** Writes the run's files into a fresh temporary folder; paths may not leave it. */
    static Path create(RunRequest request) throws LoadTestException {
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory(tempRoot(), PREFIX + request.runId() + "-");
            Files.writeString(workDir.resolve(OWNER_FILE), owner(ProcessHandle.current()), StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> file : request.files().entrySet()) {
                Path target = workDir.resolve(file.getKey()).normalize();
                if (!target.startsWith(workDir)) {
                    throw new LoadTestException("Refusing script file outside the script folder: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return workDir;
        } catch (IOException e) {
            throw new LoadTestException(
                    "Cannot write the run's files to a temporary folder (" + workDir + "): " + e.getMessage()
                            + ". Check the free space and permissions of java.io.tmpdir.",
                    e);
        }
    }

    /** Deletes the folder and everything in it; a folder already gone is fine. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static Path tempRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** {@code pid startEpochMillis}; the start time is 0 where the platform does not tell it. */
    static String owner(ProcessHandle process) {
        return process.pid() + " " + startMillis(process);
    }

    /**
     * Whether the JVM named in the folder's owner file is still running.
     *
     * @return empty when the folder has no readable owner file (a folder of an older version, or one being created)
     */
    static Optional<Boolean> ownerAlive(Path dir) {
        List<String> parts;
        try {
            parts = List.of(Files.readString(dir.resolve(OWNER_FILE), StandardCharsets.UTF_8)
                    .trim()
                    .split(" "));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (parts.size() != 2) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(parts.get(0));
            long started = Long.parseLong(parts.get(1));
            return Optional.of(ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> started == 0 || Math.abs(startMillis(p) - started) < SAME_START_MILLIS)
                    .isPresent());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}

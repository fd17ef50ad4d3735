package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run at a time per output folder: two runs writing result.json, the reports and Locust's CSV files into the same
 * {@code --out} would mix their files. The lock is the operating system's lock on {@code .loadtest.lock} in that
 * folder, so it is released however the run ends, even by SIGKILL; the file then still names the killed run, which
 * the next run reports when it takes the lock over.
 */
final class OutputLock implements AutoCloseable {
    static final String FILE = ".loadtest.lock";

    /** Folders locked by this JVM: a second channel on the same file would release the first's lock when closed. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws LoadTestException when another run holds the folder (the message names it and what to do), or the lock
     *     file cannot be written
     */
    static OutputLock acquire(Path outDir, RunListener console) throws LoadTestException {
        Path folder;
        try {
            Files.createDirectories(outDir);
            folder = outDir.toRealPath();
        } catch (IOException e) {
            throw new LoadTestException("Cannot create the output folder --out " + outDir + ": " + e.getMessage(), e);
        }
        if (!HELD.add(folder)) {
            throw busy(outDir, "this process");
        }
        try {
            FileChannel channel = FileChannel.open(
                    folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            String previous = read(channel);
            if (lock == null) {
                channel.close();
                throw busy(outDir, previous.isEmpty() ? "another process" : previous);
            }
            if (!previous.isEmpty()) {
                console.println("[loadtest] " + outDir + " was locked by a run that ended without releasing it ("
                        + previous + "; killed?): taking the lock over.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new OutputLock(folder, channel, lock);
        } catch (IOException e) {
            HELD.remove(folder);
            throw new LoadTestException(
                    "Cannot lock the output folder --out " + outDir + " (" + folder.resolve(FILE) + "): "
                            + e.getMessage() + ". Check its permissions.",
                    e);
        } catch (LoadTestException e) {
            HELD.remove(folder);
            throw e;
        }
    }

    /** Empties the file (no run holds the folder now) and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock all the same.
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
            HELD.remove(folder);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
    }

    private static String owner() {
        ProcessHandle self = ProcessHandle.current();
        return "loadtest pid " + self.pid() + ", started "
                + self.info().startInstant().orElseGet(Instant::now).truncatedTo(ChronoUnit.SECONDS);
    }

    private static LoadTestException busy(Path outDir, String holder) {
        return new LoadTestException("Another run is writing to the output folder --out " + outDir + " (" + holder
                + "). Wait for it to end, or give this run another --out.");
    }
}

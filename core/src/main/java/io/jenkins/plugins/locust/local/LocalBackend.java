package io.jenkins.plugins.locust.local;

import io.jenkins.plugins.locust.run.Backend;
import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.LocustCommandLine;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.LocustVersion;
import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the master and {@code slaves} workers as local processes on 127.0.0.1: the default when no cluster is
 * configured, and what {@code make demo} and the ITs use. Commands come from {@link LocustCommandLine}, as on
 * Kubernetes.
 */
public final class LocalBackend implements Backend {
    static final String LOOPBACK = "127.0.0.1";

    private final LocustInstallation locust;

    public LocalBackend(LocustInstallation locust) {
        this.locust = locust;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public RunHandle start(RunRequest request, BackendEvents backendEvents) throws LoadTestException {
        if (!locust.available()) {
            throw new LoadTestException(locust.describeProblem());
        }
        LoadTestSpec spec = request.spec();
        LocustVersion version = locust.version().orElseThrow();
        List<String> workerArgs;
        Path workDir = createWorkDir(request);
        BackendEvents events = new UserPaths(backendEvents, workDir, spec.script());
        LocalRunHandle handle = new LocalRunHandle(workDir, events);
        try {
            int port = freePort();
            String dir = workDir.toAbsolutePath().toString();
            try {
                workerArgs = LocustCommandLine.worker(spec, dir, LOOPBACK, port, version);
            } catch (IllegalArgumentException e) {
                throw new LoadTestException(e.getMessage(), e);
            }
            handle.master(ManagedProcess.start(
                    "master",
                    builder(workDir, spec, LocustCommandLine.master(spec, dir, LOOPBACK, port, csvPrefix(request))),
                    events));
            for (int i = 1; i <= spec.slaves(); i++) {
                handle.worker(ManagedProcess.start("worker-" + i, builder(workDir, spec, workerArgs), events));
            }
            return handle;
        } catch (IOException e) {
            handle.close();
            throw new LoadTestException("Could not start Locust with " + locust.python() + ": " + e.getMessage(), e);
        } catch (LoadTestException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** Local processes end with the process that started them (their pipes and process tree are its own). */
    @Override
    public RunHandle attach(String runId, String namespace, LoadTestSpec spec, BackendEvents events)
            throws LoadTestException {
        throw new LoadTestException("Run " + runId + " ran on the local backend, whose Locust processes end with the"
                + " Jenkins controller (or agent) process that started them: it cannot be resumed after a restart."
                + " Run the test again; use the kubernetes backend for runs that survive a controller restart.");
    }

    private ProcessBuilder builder(Path workDir, LoadTestSpec spec, List<String> args) {
        List<String> command = new ArrayList<>(locust.command());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(spec.env());
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        return builder;
    }

    private static String csvPrefix(RunRequest request) throws LoadTestException {
        if (request.outputDirectory() == null) {
            return null;
        }
        try {
            Files.createDirectories(request.outputDirectory());
        } catch (IOException e) {
            throw new LoadTestException(
                    "Cannot create the output folder " + request.outputDirectory() + ": " + e.getMessage(), e);
        }
        return request.outputDirectory().toAbsolutePath().resolve("locust").toString();
    }

    /** Writes the run's files into a fresh temporary folder; paths may not leave it. */
    private static Path createWorkDir(RunRequest request) throws LoadTestException {
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("loadtest-" + request.runId() + "-");
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

    /** A port nobody listens on right now, for the master's ZeroMQ socket (5557 in a pod). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}

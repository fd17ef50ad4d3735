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

    /** Read by locust_loadtest_fix.py: {@code stdin} makes every Locust process watch the pipe from this JVM. */
    static final String PARENT_WATCH_ENV = "LOADTEST_PARENT_WATCH";

    private final LocustInstallation locust;
    private final LocalLimits limits;

    /**
     * With this machine's limits, lifted by the environment variable {@value LocalLimits#OVERRIDE_ENV}{@code =true}
     * (for the Jenkins controller, which has no command-line flag).
     */
    public LocalBackend(LocustInstallation locust) {
        this(locust, LocalLimits.fromEnvironment(System.getenv()));
    }

    public LocalBackend(LocustInstallation locust, LocalLimits limits) {
        this.locust = locust;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "local";
    }

    /** Refuses workers and users far beyond this machine, unless the limits were lifted. */
    @Override
    public void check(LoadTestSpec spec) {
        limits.check(spec);
    }

    @Override
    public RunHandle start(RunRequest request, BackendEvents backendEvents)
            throws LoadTestException, InterruptedException {
        if (!locust.available()) {
            throw new LoadTestException(locust.describeProblem());
        }
        LoadTestSpec spec = request.spec();
        check(spec);
        LocustVersion version = locust.version().orElseThrow();
        List<String> workerArgs;
        sweepStaleRuns(backendEvents);
        Path workDir = RunDirectory.create(request);
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
            handle.master(launch(
                    handle,
                    "master",
                    builder(workDir, spec, LocustCommandLine.master(spec, dir, LOOPBACK, port, csvPrefix(request))),
                    events));
            for (int i = 1; i <= spec.slaves(); i++) {
                handle.worker(launch(handle, "worker-" + i, builder(workDir, spec, workerArgs), events));
            }
            return handle;
        } catch (LoadTestException | InterruptedException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /**
     * Starts one process unless the run is being stopped (SIGTERM or Ctrl-C while many workers are still starting):
     * then nothing more is started, and the folder that close() removed is not reported as a missing program.
     */
    private ManagedProcess launch(LocalRunHandle handle, String source, ProcessBuilder builder, BackendEvents events)
            throws LoadTestException, InterruptedException {
        if (Thread.interrupted() || handle.closing()) {
            throw LocalRunHandle.closedWhileStarting();
        }
        try {
            return ManagedProcess.start(source, builder, events);
        } catch (IOException e) {
            if (handle.closing()) {
                throw LocalRunHandle.closedWhileStarting();
            }
            throw new LoadTestException("Could not start Locust with " + locust.python() + ": " + e.getMessage(), e);
        }
    }

    /** Temporary folders (and processes) of local runs whose JVM was killed: removed before the next run. */
    private static void sweepStaleRuns(BackendEvents events) throws InterruptedException {
        for (LocalSweeper.Swept swept : new LocalSweeper().sweep()) {
            events.line("loadtest", "Removed what a killed local run left behind: " + swept);
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
        // The fix file then exits when our pipe on its stdin closes: no process outlives this JVM (not on Kubernetes).
        env.put(PARENT_WATCH_ENV, "stdin");
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

    /** A port nobody listens on right now, for the master's ZeroMQ socket (5557 in a pod). */
    private static int freePort() throws LoadTestException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LoadTestException("No free port on " + LOOPBACK + " for the Locust master: " + e.getMessage(), e);
        }
    }
}

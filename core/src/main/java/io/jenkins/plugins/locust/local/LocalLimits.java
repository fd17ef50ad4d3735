package io.jenkins.plugins.locust.local;

import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Stage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the local backend may start on this machine. Locust workers beyond the cores only starve each other (and miss
 * heartbeats), and users beyond the memory take the machine down with the test: {@code -u 1000000000} grew the master
 * to 4 GB in 45 s. Both are refused before anything is launched, unless the caller allows it explicitly.
 *
 * @param cores the machine's CPU cores
 * @param memoryBytes the machine's physical memory
 * @param allowOversized true to run anyway (the user has said so)
 * @param override how the user allows it where they start runs, e.g. {@code --allow-oversized-local}
 */
public record LocalLimits(int cores, long memoryBytes, boolean allowOversized, String override) {
    /** Locust worker processes per core: a worker is one Python process, busy with at most one core. */
    static final int WORKERS_PER_CORE = 4;
    /** Never fewer than this many workers, so that a small machine still runs the usual two or three. */
    static final int MIN_WORKERS = 4;
    /**
     * Memory one user takes across master and worker: an idle HttpUser costs about 10 KiB of worker memory (measured:
     * 5,000 users grow a 2.47 worker by about 55 MB); four times that leaves room for the master's bookkeeping, the
     * user's own data and the rest of the machine.
     */
    static final long BYTES_PER_USER = 40 * 1024;

    /** Lifts the limits where there is no command-line flag (the Jenkins controller's environment). */
    public static final String OVERRIDE_ENV = "LOADTEST_ALLOW_OVERSIZED_LOCAL";

    /** This machine's limits, lifted when {@value #OVERRIDE_ENV} is {@code true} in the environment. */
    public static LocalLimits fromEnvironment(Map<String, String> env) {
        return ofThisMachine(
                Boolean.parseBoolean(env.get(OVERRIDE_ENV)),
                "the environment variable " + OVERRIDE_ENV + "=true (for the process that starts the run)");
    }

    /** The limits of the machine this JVM runs on. */
    public static LocalLimits ofThisMachine(boolean allowOversized, String override) {
        long memory =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getTotalMemorySize()
                        : Runtime.getRuntime().maxMemory();
        return new LocalLimits(Runtime.getRuntime().availableProcessors(), memory, allowOversized, override);
    }

    public int maxWorkers() {
        return Math.max(MIN_WORKERS, cores * WORKERS_PER_CORE);
    }

    public long maxUsers() {
        return memoryBytes / BYTES_PER_USER;
    }

    /**
     * @throws InvalidSpecException naming each field beyond the machine, its value, the limit and the override
     */
    public void check(LoadTestSpec spec) {
        if (allowOversized) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        if (spec.expectedWorkers() > maxWorkers()) {
            String workers = spec.processes() == 1
                    ? spec.slaves() + " Locust worker processes"
                    : spec.slaves() + " × " + spec.processes() + " processes = " + spec.expectedWorkers()
                            + " Locust worker processes";
            errors.add(new FieldError(
                    spec.processes() == 1 ? "slaves" : "slaves × processes",
                    String.valueOf(spec.processes() == 1 ? spec.slaves() : spec.expectedWorkers()),
                    String.format(
                            Locale.ROOT,
                            "%s is far beyond this machine's %d CPU cores: the local backend starts at most %d (%d"
                                    + " per core). Lower slaves, run on Kubernetes, or pass %s to start them anyway.",
                            workers,
                            cores,
                            maxWorkers(),
                            WORKERS_PER_CORE,
                            override)));
        }
        int users = spec.stages().stream().mapToInt(Stage::users).max().orElse(spec.users());
        if (users > maxUsers()) {
            errors.add(new FieldError(
                    spec.stages().isEmpty() ? "users" : "stages",
                    String.valueOf(users),
                    String.format(
                            Locale.ROOT,
                            "%d users are far more than this machine's %d MiB of memory can hold: the local backend"
                                    + " runs at most %d (about %d KiB each). Lower the users, run on Kubernetes, or"
                                    + " pass %s to start them anyway.",
                            users,
                            memoryBytes / (1024 * 1024),
                            maxUsers(),
                            BYTES_PER_USER / 1024,
                            override)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSpecException(errors);
        }
    }
}

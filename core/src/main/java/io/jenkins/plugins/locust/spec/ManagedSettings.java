package io.jenkins.plugins.locust.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Locust command-line flags and environment variables this tool sets itself. Passing them again through
 * {@code locustArgs} or {@code env} would silently fight the start gate, the worker count or the result, so
 * validation points to the spec field to use instead.
 */
final class ManagedSettings {
    private static final String MANAGED = "is set by the load test itself (master, workers, headless run)";
    private static final String REMOVE = MANAGED + "; remove it";
    private static final String EXITS = "makes Locust print something and exit without running a test; remove it";
    private static final String CONFIG =
            "would let a config file override the managed settings; pass its settings as fields or locustArgs";
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();
    private static final Map<String, String> ENV = new LinkedHashMap<>();

    static {
        flag("script", "-f", "--locustfile");
        flag("users", "-u", "--users");
        flag("spawnRate", "-r", "--spawn-rate", "--hatch-rate");
        flag("runTime (or stages)", "-t", "--run-time");
        flag("host", "-H", "--host");
        flag("tags", "-T", "--tags");
        flag("excludeTags", "-E", "--exclude-tags");
        flag("processes", "--processes");
        flag("stopTimeout", "--stop-timeout");
        flag("slaves (and processes)", "--expect-workers", "--expect-slaves");
        flag("startTimeout", "--expect-workers-max-wait");
        for (String flag : new String[] {
            "--master",
            "--worker",
            "--slave",
            "--headless",
            "--headful",
            "--autostart",
            "--autoquit",
            "--master-host",
            "--master-port",
            "--master-bind-host",
            "--master-bind-port"
        }) {
            FLAGS.put(flag, REMOVE);
        }
        FLAGS.put("--config", CONFIG);
        for (String flag : new String[] {"-h", "--help", "-V", "--version", "-l", "--list", "--show-task-ratio"}) {
            FLAGS.put(flag, EXITS);
        }
        env("script", "LOCUST_LOCUSTFILE");
        env("users", "LOCUST_USERS");
        env("spawnRate", "LOCUST_SPAWN_RATE");
        env("runTime (or stages)", "LOCUST_RUN_TIME");
        env("host", "LOCUST_HOST");
        env("tags", "LOCUST_TAGS");
        env("excludeTags", "LOCUST_EXCLUDE_TAGS");
        env("processes", "LOCUST_PROCESSES");
        env("stopTimeout", "LOCUST_STOP_TIMEOUT");
        env("slaves (and processes)", "LOCUST_EXPECT_WORKERS");
        env("startTimeout", "LOCUST_EXPECT_WORKERS_MAX_WAIT");
        for (String name : new String[] {
            "LOCUST_MODE_MASTER",
            "LOCUST_MODE_WORKER",
            "LOCUST_HEADLESS",
            "LOCUST_HEADFUL",
            "LOCUST_AUTOSTART",
            "LOCUST_AUTOQUIT",
            "LOCUST_MASTER_NODE_HOST",
            "LOCUST_MASTER_NODE_PORT",
            "LOCUST_MASTER_BIND_HOST",
            "LOCUST_MASTER_BIND_PORT"
        }) {
            ENV.put(name, REMOVE);
        }
    }

    private ManagedSettings() {}

    private static void flag(String field, String... flags) {
        for (String flag : flags) {
            FLAGS.put(flag, MANAGED + "; use the '" + field + "' field instead");
        }
    }

    private static void env(String field, String name) {
        ENV.put(name, MANAGED + "; use the '" + field + "' field instead");
    }

    /**
     * What is wrong with passing this argument to Locust, or empty when it is free to use. Recognises {@code --flag},
     * {@code --flag=value} and {@code -uVALUE}.
     */
    static Optional<String> flagProblem(String arg) {
        for (Map.Entry<String, String> entry : FLAGS.entrySet()) {
            String flag = entry.getKey();
            boolean shortFlag = flag.length() == 2;
            if (arg.equals(flag) || arg.startsWith(flag + "=") || (shortFlag && arg.startsWith(flag))) {
                return Optional.of(flag + " " + entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** What is wrong with setting this environment variable for Locust, or empty when it is free to use. */
    static Optional<String> envProblem(String name) {
        return ENV.containsKey(name) ? Optional.of(name + " configures Locust and " + ENV.get(name)) : Optional.empty();
    }
}

package io.jenkins.plugins.locust.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Locust command-line flags and environment variables this tool sets itself. Passing them again through
 * {@code locustArgs} or {@code env} would silently fight the start gate, the worker count or the result, so
 * validation points to the spec field to use instead.
 *
 * <p>Locust parses its arguments with Python's argparse, which accepts any unambiguous prefix of a long flag
 * ({@code --use=7} is {@code --users=7}) and glues a short flag to its value ({@code -u50}). So a long flag is refused
 * when it is a prefix of a managed flag, unless it is itself one of Locust's own flags (argparse prefers an exact
 * match: {@code --config-users} is not {@code --config}).
 */
final class ManagedSettings {
    private static final String MANAGED = "is set by the load test itself (master, workers, headless run)";
    private static final String REMOVE = MANAGED + "; remove it";
    private static final String EXITS = "makes Locust print something and exit without running a test; remove it";
    private static final String CONFIG =
            "would let a config file override the managed settings; pass its settings as fields or locustArgs";
    private static final String CSV = "is set by the load test itself: Locust's CSV files are written to the output"
            + " folder (result.json's folder; --out on the command line); remove it and find them there";
    /**
     * The long flags of Locust 2.12 to 2.47 that are not managed (from each version's argument parser): an exact
     * match of one of them is never taken as an abbreviation.
     */
    private static final Set<String> OTHER_LOCUST_FLAGS = Set.of(
            "--build-path",
            "--class-picker",
            "--config-users",
            "--csv-full-history",
            "--enable-rebalancing",
            "--equal-weights",
            "--exit-code-on-error",
            "--html",
            "--json",
            "--json-file",
            "--legacy-ui",
            "--logfile",
            "--loglevel",
            "--only-summary",
            "--otel",
            "--print-stats",
            "--profile",
            "--reset-stats",
            "--skip-log-setup",
            "--step-clients",
            "--step-load",
            "--step-time",
            "--step-users",
            "--tls-cert",
            "--tls-key",
            "--web-auth",
            "--web-base-path",
            "--web-host",
            "--web-host-display-name",
            "--web-login",
            "--web-port");

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
        flag("stopTimeout", "-s", "--stop-timeout");
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
        FLAGS.put("--csv", CSV);
        FLAGS.put("--config", CONFIG);
        for (String flag : new String[] {
            "-h", "--help", "-V", "--version", "-l", "--list", "--show-task-ratio", "--show-task-ratio-json"
        }) {
            FLAGS.put(flag, EXITS);
        }
        env("script", "LOCUST_LOCUSTFILE");
        env("users", "LOCUST_USERS");
        env("spawnRate", "LOCUST_SPAWN_RATE");
        env("spawnRate", "LOCUST_HATCH_RATE");
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
        ENV.put("LOCUST_CSV", CSV);
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
     * What is wrong with passing this argument to Locust, or empty when it is free to use. Recognises
     * {@code --flag}, {@code --flag=value}, abbreviations such as {@code --use=7} and {@code -uVALUE}.
     */
    static Optional<String> flagProblem(String arg) {
        if (arg.startsWith("--")) {
            return longFlagProblem(arg);
        }
        if (arg.length() < 2 || !arg.startsWith("-")) {
            return Optional.empty();
        }
        // argparse reads -u50 as -u 50: the first letter decides.
        String flag = arg.substring(0, 2);
        return Optional.ofNullable(FLAGS.get(flag)).map(problem -> flag + " " + problem);
    }

    private static Optional<String> longFlagProblem(String arg) {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        if (name.length() <= 2) {
            return Optional.empty(); // "--" ends the options; what follows are user class names
        }
        String exact = FLAGS.get(name);
        if (exact != null) {
            return Optional.of(name + " " + exact);
        }
        if (OTHER_LOCUST_FLAGS.contains(name)) {
            return Optional.empty();
        }
        List<String> meant = new ArrayList<>();
        for (String flag : FLAGS.keySet()) {
            if (flag.startsWith(name)) {
                meant.add(flag);
            }
        }
        if (meant.isEmpty()) {
            return Optional.empty();
        }
        String first = meant.get(0);
        return Optional.of(name + " is an abbreviation of " + String.join(" or ", meant) + " to Locust, and " + first
                + " " + FLAGS.get(first));
    }

    /** What is wrong with setting this environment variable for Locust, or empty when it is free to use. */
    static Optional<String> envProblem(String name) {
        return ENV.containsKey(name) ? Optional.of(name + " configures Locust and " + ENV.get(name)) : Optional.empty();
    }
}

package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.spec.DurationParser;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Locust argv for the pods. A stand-in until the engine's {@code LocustCommandLine} (shared by both backends) is on
 * main; the renderer depends only on {@link #master} and {@link #worker}, so switching is one class.
 */
final class LocustArgs {
    static final String FIX_FILE = "locust_loadtest_fix.py";
    static final String REPORTER_FILE = "locust_loadtest_reporter.py";
    static final int MASTER_PORT = 5557;
    static final int WEB_PORT = 8089;

    private LocustArgs() {}

    static List<String> master(LoadTestSpec spec, Map<String, byte[]> files, String filesDir, boolean webUi) {
        List<String> args = new ArrayList<>();
        args.add("-f");
        args.add(locustfiles(spec, files, filesDir, true));
        args.addAll(List.of("--master", "--master-bind-port", Integer.toString(MASTER_PORT)));
        if (webUi) {
            args.addAll(List.of("--autostart", "--autoquit", "0", "--web-port", Integer.toString(WEB_PORT)));
        } else {
            args.add("--headless");
        }
        args.addAll(List.of("--expect-workers", Integer.toString(spec.expectedWorkers())));
        args.addAll(
                List.of("--expect-workers-max-wait", seconds(spec.startTimeout().toSeconds())));
        if (spec.stages().isEmpty()) {
            args.addAll(List.of("-u", Integer.toString(spec.users()), "-r", number(spec.spawnRate())));
        }
        args.addAll(List.of("-t", DurationParser.format(spec.plannedDuration())));
        args.addAll(List.of("--stop-timeout", seconds(spec.stopTimeout().toSeconds())));
        if (spec.host() != null && !spec.host().isBlank()) {
            args.addAll(List.of("--host", spec.host().trim()));
        }
        addTags(spec, args);
        args.addAll(spec.locustArgs());
        return args;
    }

    static List<String> worker(LoadTestSpec spec, Map<String, byte[]> files, String filesDir, String masterHost) {
        List<String> args = new ArrayList<>();
        args.add("-f");
        args.add(locustfiles(spec, files, filesDir, false));
        args.addAll(List.of("--worker", "--master-host", masterHost, "--master-port", Integer.toString(MASTER_PORT)));
        if (spec.processes() > 1) {
            args.addAll(List.of("--processes", Integer.toString(spec.processes())));
        }
        addTags(spec, args);
        args.addAll(spec.locustArgs());
        return args;
    }

    /** The version fix first (Debian's Locust), the reporter on the master only, the user's entry file last. */
    private static String locustfiles(LoadTestSpec spec, Map<String, byte[]> files, String dir, boolean master) {
        List<String> paths = new ArrayList<>();
        if (files.containsKey(FIX_FILE)) {
            paths.add(dir + "/" + FIX_FILE);
        }
        if (master && files.containsKey(REPORTER_FILE)) {
            paths.add(dir + "/" + REPORTER_FILE);
        }
        paths.add(dir + "/" + spec.locustfile());
        return String.join(",", paths);
    }

    private static void addTags(LoadTestSpec spec, List<String> args) {
        if (!spec.tags().isEmpty()) {
            args.add("--tags");
            args.addAll(spec.tags());
        }
        if (!spec.excludeTags().isEmpty()) {
            args.add("--exclude-tags");
            args.addAll(spec.excludeTags());
        }
    }

    private static String seconds(long seconds) {
        return Long.toString(Math.max(1, seconds));
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.spec.DurationParser;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Locust arguments (what follows {@code locust}) of the master and of a worker, shared by both backends: the
 * local backend runs them as {@code python -m locust …}, the Kubernetes backend as the image's {@code locust}.
 */
public final class LocustCommandLine {
    /** Locust's own wait for workers is a backstop: the runner's start gate fails first, with the cause. */
    static final Duration LOCUST_WAIT_MARGIN = Duration.ofSeconds(30);

    private LocustCommandLine() {}

    /**
     * The master: headless, waits for {@code spec.expectedWorkers()}, loads the version fix, the user's locustfile
     * and the reporter (last: Locust 2.12 takes the load shape of the last file, so the reporter's stages win
     * there; newer Locust takes the only one, and the reporter refuses a second).
     *
     * @param filesDir where {@link RunFiles} were placed (absolute, or relative to the working directory)
     * @param bindHost the interface for workers to connect to, or null for all
     * @param csvPrefix Locust's {@code --csv} prefix, or null for no CSV files
     */
    public static List<String> master(
            LoadTestSpec spec, String filesDir, String bindHost, int bindPort, String csvPrefix) {
        List<String> args = new ArrayList<>(List.of(
                "-f",
                String.join(
                        ",",
                        file(filesDir, RunFiles.FIX),
                        file(filesDir, spec.locustfile()),
                        file(filesDir, RunFiles.REPORTER)),
                "--master",
                "--headless",
                // The progress line replaces Locust's 2-s stats table; its end summary is still printed.
                "--only-summary",
                // A worker that joins mid-run (the replacement of a lost one) gets users: without this flag Locust
                // 2.47 leaves it idle after a worker left (its dispatcher stays "in progress" after a rebalance).
                "--enable-rebalancing"));
        if (bindHost != null) {
            args.addAll(List.of("--master-bind-host", bindHost));
        }
        args.addAll(List.of(
                "--master-bind-port",
                String.valueOf(bindPort),
                "--expect-workers",
                String.valueOf(spec.expectedWorkers()),
                "--expect-workers-max-wait",
                String.valueOf(seconds(spec.startTimeout().plus(LOCUST_WAIT_MARGIN)))));
        if (spec.stages().isEmpty() && !spec.hasOwnLoadShape()) {
            // With stages the reporter's load shape drives users and time (Locust 2.12 refuses -t with a shape); the
            // locustfile's own shape drives them too, and the reporter stops it at the run time at the latest.
            args.addAll(List.of(
                    "-u",
                    String.valueOf(spec.users()),
                    "-r",
                    number(spec.spawnRate()),
                    "-t",
                    DurationParser.format(spec.runTime())));
        }
        // Locust 2.12 reads --stop-timeout as whole seconds only.
        args.addAll(List.of("--stop-timeout", String.valueOf(seconds(spec.stopTimeout()))));
        if (spec.host() != null && !spec.host().isBlank()) {
            args.addAll(List.of("--host", spec.host().trim()));
        }
        if (csvPrefix != null) {
            args.addAll(List.of("--csv", csvPrefix));
        }
        // Failed requests are judged by the thresholds, not by Locust's exit code: 0 then means "ran to the end".
        args.addAll(List.of("--exit-code-on-error", "0"));
        addTags(spec, args);
        args.addAll(spec.locustArgs());
        return args;
    }

    /**
     * A worker: connects to the master and never gets {@code -t} (only the master stops the test).
     *
     * @param version the Locust the worker runs, for {@code --processes} (2.19+)
     * @throws IllegalArgumentException when {@code processes > 1} and that Locust has no {@code --processes}
     */
    public static List<String> worker(
            LoadTestSpec spec, String filesDir, String masterHost, int masterPort, LocustVersion version) {
        List<String> args = new ArrayList<>(List.of(
                "-f",
                file(filesDir, RunFiles.FIX) + "," + file(filesDir, spec.locustfile()),
                "--worker",
                "--master-host",
                masterHost,
                "--master-port",
                String.valueOf(masterPort)));
        if (spec.processes() > 1) {
            if (!version.atLeast(LocustVersion.PROCESSES_FLAG)) {
                throw new IllegalArgumentException("processes = " + spec.processes() + " needs Locust "
                        + LocustVersion.PROCESSES_FLAG + " or newer (--processes), but this Locust is " + version
                        + ": set processes to 1 and raise slaves instead, or use a newer Locust.");
            }
            args.addAll(List.of("--processes", String.valueOf(spec.processes())));
        }
        addTags(spec, args);
        return args;
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

    private static String file(String dir, String name) {
        return dir == null || dir.isEmpty() ? name : dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private static long seconds(Duration duration) {
        return Math.max(1, duration.toSeconds() + (duration.toMillisPart() > 0 ? 1 : 0));
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

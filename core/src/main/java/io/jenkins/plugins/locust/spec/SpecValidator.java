package io.jenkins.plugins.locust.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks every raw field of a {@link LoadTestSpecBuilder} and collects all errors before failing, so a user fixes
 * their input in one go. Each error names the field, the bad value and the fix; doubtful but workable input becomes
 * a warning on the spec.
 */
final class SpecValidator {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final LoadTestSpecBuilder in;
    private final Findings findings = new Findings();

    SpecValidator(LoadTestSpecBuilder in) {
        this.in = in;
    }

    LoadTestSpec validate() {
        ScriptCheck.Checked script = new ScriptCheck(in, findings).check();
        String shape = new ShapeCheck(in, findings).check(script.shapes());
        int users = shape != null
                ? 0
                : positive("users", in.users, LoadTestSpecBuilder.DEFAULT_USERS, "the number of simulated users");
        int slaves = positive("slaves", in.slaves, LoadTestSpecBuilder.DEFAULT_SLAVES, "the number of Locust workers");
        int processes = positive(
                "processes",
                in.processes,
                ProcessSizing.forWorker(in.workerResources, in.image),
                "Locust processes per worker");
        List<Stage> stages = shape != null ? List.of() : stages();
        Duration runTime = shape != null ? shapeLimit() : runTime(stages);
        Duration startTimeout = duration("startTimeout", in.startTimeout, false, "90s or 5m");
        Duration stopTimeout = duration("stopTimeout", in.stopTimeout, true, "10s (0s stops users at once)");
        double spawnRate = shape != null ? 0 : spawnRate(users);
        host();
        thresholds();
        env();
        locustArgs();
        tags("tags", in.tags);
        tags("excludeTags", in.excludeTags);
        PodChecks pod = new PodChecks(findings);
        pod.image(in.image);
        pod.resources("masterResources", in.masterResources);
        pod.resources("workerResources", in.workerResources);
        List<HostAlias> aliases = pod.hostAliases(in.hostAliases);
        pod.kubernetes(in.kubernetes);
        if (!findings.errors().isEmpty()) {
            throw new InvalidSpecException(findings.errors());
        }
        if (shape == null) {
            warnAboutLoadShape(users, slaves * processes, spawnRate, runTime, stages);
        }
        return new LoadTestSpec(
                script.script(),
                script.locustfile(),
                users,
                slaves,
                spawnRate,
                runTime,
                in.host == null || in.host.isBlank() ? null : in.host.trim(),
                in.thresholds,
                stages,
                in.env,
                in.locustArgs,
                in.tags,
                in.excludeTags,
                in.image,
                in.masterResources,
                in.workerResources,
                processes,
                aliases,
                startTimeout,
                stopTimeout,
                in.kubernetes,
                findings.warnings(),
                shape);
    }

    private int positive(String field, Integer value, int defaultValue, String what) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            findings.error(field, value, "set " + field + " to " + what + ", at least 1");
            return 1;
        }
        return value;
    }

    private Duration duration(String field, String text, boolean zeroAllowed, String example) {
        Optional<Duration> parsed = DurationParser.parse(text);
        if (parsed.isEmpty()) {
            findings.error(field, text, "use a duration with a unit such as " + example);
            return Duration.ofSeconds(1);
        }
        if (!zeroAllowed && parsed.get().isZero()) {
            findings.error(
                    field,
                    text,
                    "a zero " + field + " leaves no time to run; give a duration above zero such as " + example);
            return Duration.ofSeconds(1);
        }
        return parsed.get();
    }

    /** Stages define the duration themselves, so a run time next to them is contradictory input. */
    private Duration runTime(List<Stage> stages) {
        boolean runTimeGiven = in.runTime != null && !in.runTime.isBlank();
        if (in.stages.isEmpty()) {
            return duration(
                    "runTime",
                    runTimeGiven ? in.runTime : LoadTestSpecBuilder.DEFAULT_RUN_TIME,
                    false,
                    "30s, 5m or 1h30m");
        }
        Duration total = stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        if (runTimeGiven) {
            findings.error(
                    "runTime",
                    in.runTime,
                    "set either runTime or stages, not both: the stages already last " + DurationParser.format(total)
                            + "; remove runTime");
        }
        return total.isZero() ? Duration.ofSeconds(1) : total;
    }

    /** With the locustfile's own shape, a run time is the most the shape may run (it normally ends the run). */
    private Duration shapeLimit() {
        boolean given = in.runTime != null && !in.runTime.isBlank();
        return duration(
                "runTime", given ? in.runTime : LoadTestSpecBuilder.DEFAULT_SHAPE_LIMIT, false, "30s, 5m or 1h30m");
    }

    private double spawnRate(int users) {
        if (in.spawnRate == null) {
            return Math.max(1.0, Math.ceil(users / 10.0));
        }
        if (in.spawnRate <= 0 || in.spawnRate.isNaN() || in.spawnRate.isInfinite()) {
            findings.error("spawnRate", in.spawnRate, "use the number of users started per second, above 0, e.g. 5");
            return 1;
        }
        return in.spawnRate;
    }

    private List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        for (String text : in.stages) {
            String[] parts = text == null ? new String[0] : text.split(":");
            Optional<Duration> duration = parts.length >= 2 ? DurationParser.parse(parts[0]) : Optional.empty();
            try {
                if (duration.isEmpty() || duration.get().isZero() || parts.length > 3) {
                    throw new NumberFormatException();
                }
                int users = Integer.parseInt(parts[1].trim());
                double rate = parts.length == 3 ? Double.parseDouble(parts[2].trim()) : Math.max(1, users / 10.0);
                if (users < 0 || !(rate > 0) || Double.isInfinite(rate)) {
                    throw new NumberFormatException();
                }
                stages.add(new Stage(duration.get(), users, rate));
            } catch (NumberFormatException e) {
                findings.error(
                        "stages",
                        text,
                        "write a stage as DURATION:USERS[:SPAWN_RATE] with a duration above zero, users ≥ 0 and a"
                                + " rate above 0, e.g. 2m:100:10");
            }
        }
        return stages;
    }

    private void thresholds() {
        ThresholdCheck.errors(in.thresholds).forEach(e -> findings.error(e.field(), e.value(), e.message()));
    }

    private void host() {
        if (in.host == null || in.host.isBlank()) {
            return;
        }
        String problem = NetworkNames.hostProblem(in.host.trim());
        if (problem != null) {
            findings.error("host", in.host, problem + "; use a base URL such as https://staging.example.com");
        } else if (in.host.trim().endsWith("/")) {
            findings.warn(
                    "host",
                    in.host,
                    "Locust appends request paths as written, so '/x' becomes '//x'; remove the trailing '/'");
        }
    }

    private void env() {
        for (Map.Entry<String, String> entry : in.env.entrySet()) {
            String name = entry.getKey();
            if (name == null || !ENV_NAME.matcher(name).matches()) {
                findings.error(
                        "env",
                        name,
                        "an environment variable name is letters, digits and '_', not starting with a digit,"
                                + " e.g. API_TOKEN");
            } else if (entry.getValue() == null) {
                findings.error("env", name, "give " + name + " a value (an empty one is fine)");
            } else {
                ManagedSettings.envProblem(name).ifPresent(problem -> findings.error("env", name, problem));
            }
        }
    }

    private void locustArgs() {
        for (String arg : in.locustArgs) {
            if (arg == null || arg.isBlank()) {
                findings.error("locustArgs", arg, "remove the empty argument");
                continue;
            }
            for (String token : WHITESPACE.split(arg.trim())) {
                if (token.startsWith("-")) {
                    ManagedSettings.flagProblem(token).ifPresent(problem -> findings.error("locustArgs", arg, problem));
                }
            }
        }
    }

    private void tags(String field, List<String> tags) {
        for (String tag : tags) {
            if (tag == null || tag.isBlank() || WHITESPACE.matcher(tag.trim()).find() || tag.contains(",")) {
                findings.error(field, tag, "give each tag on its own, as written in @tag(...), e.g. checkout");
            }
        }
    }

    private void warnAboutLoadShape(int users, int workers, double spawnRate, Duration runTime, List<Stage> stages) {
        int peak = stages.isEmpty()
                ? users
                : stages.stream().mapToInt(Stage::users).max().orElse(0);
        if (peak < workers) {
            findings.warn(
                    stages.isEmpty() ? "users" : "stages",
                    peak,
                    count(peak, "user") + " for " + workers + " Locust workers (slaves × processes): "
                            + count(workers - peak, "worker") + " will stay idle; raise users or lower slaves");
        }
        double rampSeconds = users / spawnRate;
        if (stages.isEmpty() && rampSeconds > runTime.toSeconds()) {
            findings.warn(
                    "spawnRate",
                    spawnRate,
                    "starting " + users + " users at " + spawnRate + "/s takes " + Math.round(rampSeconds)
                            + " s, longer than the run time of " + DurationParser.format(runTime)
                            + ": full load is never reached; raise spawnRate or runTime");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

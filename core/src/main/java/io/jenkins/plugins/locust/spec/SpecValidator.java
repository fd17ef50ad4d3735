package io.jenkins.plugins.locust.spec;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Checks every raw field of a {@link LoadTestSpecBuilder} and collects all errors before failing. */
final class SpecValidator {
    private final LoadTestSpecBuilder in;
    private final List<FieldError> errors = new ArrayList<>();

    SpecValidator(LoadTestSpecBuilder in) {
        this.in = in;
    }

    LoadTestSpec validate() {
        Path script = script();
        int users = positive("users", in.users, "set users to the number of simulated users, at least 1");
        int slaves = positive("slaves", in.slaves, "set slaves to the number of Locust workers, at least 1");
        int processes = in.processes == null
                ? ProcessSizing.forWorker(in.workerResources, in.image)
                : positive("processes", in.processes, "set processes per worker to 1 or more");
        Duration runTime = duration("runTime", in.runTime, "use a duration such as 30s, 5m or 1h30m");
        Duration startTimeout = duration("startTimeout", in.startTimeout, "use a duration such as 90s or 5m");
        Duration stopTimeout = duration("stopTimeout", in.stopTimeout, "use a duration such as 10s");
        double spawnRate = spawnRate(users);
        List<Stage> stages = stages();
        List<HostAlias> aliases = hostAliases();
        host();
        if (!errors.isEmpty()) {
            throw new InvalidSpecException(errors);
        }
        return new LoadTestSpec(
                script,
                locustfileName(script),
                users,
                slaves,
                spawnRate,
                runTime,
                in.host,
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
                in.kubernetes);
    }

    private Path script() {
        if (in.script == null || in.script.isBlank()) {
            errors.add(new FieldError(
                    "script", "", "name the locustfile (or a folder holding one), e.g. perf/locustfile.py"));
            return null;
        }
        Path path = in.workspace == null ? Path.of(in.script) : in.workspace.resolve(in.script);
        if (!Files.isReadable(path)) {
            errors.add(new FieldError(
                    "script",
                    in.script,
                    "no readable file or folder at " + path.toAbsolutePath()
                            + "; give a path relative to the workspace"));
            return null;
        }
        return path;
    }

    private String locustfileName(Path script) {
        if (script == null) {
            return null;
        }
        if (Files.isDirectory(script)) {
            return in.locustfile == null ? "locustfile.py" : in.locustfile;
        }
        return script.getFileName().toString();
    }

    private int positive(String field, Integer value, String fix) {
        if (value == null || value < 1) {
            errors.add(new FieldError(field, String.valueOf(value), fix));
            return 1;
        }
        return value;
    }

    private Duration duration(String field, String text, String fix) {
        Optional<Duration> parsed = DurationParser.parse(text);
        if (parsed.isEmpty() || parsed.get().isZero()) {
            errors.add(new FieldError(field, String.valueOf(text), fix));
            return Duration.ofSeconds(1);
        }
        return parsed.get();
    }

    private double spawnRate(int users) {
        if (in.spawnRate == null) {
            return Math.max(1.0, Math.ceil(users / 10.0));
        }
        if (in.spawnRate <= 0 || in.spawnRate.isNaN() || in.spawnRate.isInfinite()) {
            errors.add(
                    new FieldError("spawnRate", String.valueOf(in.spawnRate), "use users started per second, above 0"));
            return 1;
        }
        return in.spawnRate;
    }

    private List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        for (String text : in.stages) {
            String[] parts = text.split(":");
            Optional<Duration> duration = parts.length >= 2 ? DurationParser.parse(parts[0]) : Optional.empty();
            try {
                if (duration.isEmpty() || parts.length > 3) {
                    throw new NumberFormatException();
                }
                int users = Integer.parseInt(parts[1].trim());
                double rate = parts.length == 3 ? Double.parseDouble(parts[2].trim()) : Math.max(1, users / 10.0);
                if (users < 0 || rate <= 0) {
                    throw new NumberFormatException();
                }
                stages.add(new Stage(duration.get(), users, rate));
            } catch (NumberFormatException e) {
                errors.add(
                        new FieldError("stages", text, "write a stage as DURATION:USERS[:SPAWN_RATE], e.g. 2m:100:10"));
            }
        }
        return stages;
    }

    private List<HostAlias> hostAliases() {
        List<HostAlias> aliases = new ArrayList<>();
        for (String text : in.hostAliases) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                errors.add(new FieldError("hostAliases", text, "write IP=name[,name…], e.g. 10.0.0.7=api.internal"));
                continue;
            }
            aliases.add(new HostAlias(
                    text.substring(0, eq).trim(),
                    Arrays.stream(text.substring(eq + 1).split(","))
                            .map(String::trim)
                            .toList()));
        }
        return aliases;
    }

    private void host() {
        if (in.host == null || in.host.isBlank()) {
            return;
        }
        try {
            URI uri = URI.create(in.host.trim());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            errors.add(
                    new FieldError("host", in.host, "use an absolute http(s) URL such as https://staging.example.com"));
        }
    }
}

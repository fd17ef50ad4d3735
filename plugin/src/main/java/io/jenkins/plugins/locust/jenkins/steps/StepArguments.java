package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step's arguments as the user gave them ({@code null} or empty: not given, core's default applies). Serializable,
 * so the execution can keep them in {@code program.dat} across a controller restart.
 */
record StepArguments(
        String script,
        @CheckForNull Integer users,
        @CheckForNull Integer slaves,
        @CheckForNull String runTime,
        @CheckForNull String host,
        List<String> thresholds,
        @CheckForNull String locustfile,
        @CheckForNull Double spawnRate,
        List<String> stages,
        Map<String, String> env,
        List<String> locustArgs,
        List<String> tags,
        List<String> excludeTags,
        @CheckForNull Integer processes,
        List<String> hostAliases,
        @CheckForNull String startTimeout,
        @CheckForNull String stopTimeout,
        @CheckForNull String image)
        implements Serializable {
    StepArguments {
        thresholds = List.copyOf(thresholds);
        stages = List.copyOf(stages);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        locustArgs = List.copyOf(locustArgs);
        tags = List.copyOf(tags);
        excludeTags = List.copyOf(excludeTags);
        hostAliases = List.copyOf(hostAliases);
    }

    /** Only the first parameters given; every other one is left to core's default. */
    StepArguments(
            String script,
            @CheckForNull Integer users,
            @CheckForNull Integer slaves,
            @CheckForNull String runTime,
            @CheckForNull String host,
            List<String> thresholds) {
        this(
                script,
                users,
                slaves,
                runTime,
                host,
                thresholds,
                null,
                null,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
                null,
                null);
    }

    /**
     * One-line summary, as the build log shows it: the main parameters always, the others only when given. Of
     * {@code env} only the names show, as values may be secrets.
     */
    String describe() {
        StringBuilder text = new StringBuilder(String.format(
                "script=%s, users=%s, slaves=%s, runTime=%s, host=%s, thresholds=%s",
                script, orDefault(users), orDefault(slaves), orDefault(runTime), orDefault(host), thresholds));
        appendIfGiven(text, "locustfile", locustfile);
        appendIfGiven(text, "spawnRate", spawnRate);
        appendIfGiven(text, "stages", stages.isEmpty() ? null : stages);
        appendIfGiven(text, "env", env.isEmpty() ? null : env.keySet());
        appendIfGiven(text, "locustArgs", locustArgs.isEmpty() ? null : locustArgs);
        appendIfGiven(text, "tags", tags.isEmpty() ? null : tags);
        appendIfGiven(text, "excludeTags", excludeTags.isEmpty() ? null : excludeTags);
        appendIfGiven(text, "processes", processes);
        appendIfGiven(text, "hostAliases", hostAliases.isEmpty() ? null : hostAliases);
        appendIfGiven(text, "startTimeout", startTimeout);
        appendIfGiven(text, "stopTimeout", stopTimeout);
        appendIfGiven(text, "image", image);
        return text.toString();
    }

    private static void appendIfGiven(StringBuilder text, String name, @CheckForNull Object value) {
        if (value != null) {
            text.append(", ").append(name).append('=').append(value);
        }
    }

    private static Object orDefault(@CheckForNull Object value) {
        return value == null ? "default" : value;
    }
}

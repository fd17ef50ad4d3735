package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.List;

/**
 * The step's arguments as the user gave them ({@code null}: not given, core's default applies). Serializable, so the
 * execution can keep them in {@code program.dat} across a controller restart.
 */
record StepArguments(
        String script,
        @CheckForNull Integer users,
        @CheckForNull Integer slaves,
        @CheckForNull String runTime,
        @CheckForNull String host,
        List<String> thresholds)
        implements Serializable {
    StepArguments {
        thresholds = List.copyOf(thresholds);
    }

    /** One-line summary, as the build log shows it. */
    String describe() {
        return String.format(
                "script=%s, users=%s, slaves=%s, runTime=%s, host=%s, thresholds=%s",
                script, orDefault(users), orDefault(slaves), orDefault(runTime), orDefault(host), thresholds);
    }

    private static Object orDefault(@CheckForNull Object value) {
        return value == null ? "default" : value;
    }
}

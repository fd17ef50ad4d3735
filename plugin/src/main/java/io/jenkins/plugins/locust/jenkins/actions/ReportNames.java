package io.jenkins.plugins.locust.jenkins.actions;

import java.util.Collection;
import java.util.Locale;

/** URL names of a build's load tests: readable, stable across builds for the same name, unique within a build. */
public final class ReportNames {
    static final String PREFIX = "locust";
    private static final int MAX_SLUG = 40;

    private ReportNames() {}

    /**
     * {@code locust} for a report without a name, else {@code locust-<slug>}; {@code -2}, {@code -3}… when the build
     * already has that name (several {@code loadTest} calls with the same script).
     */
    public static String urlName(String name, Collection<String> taken) {
        String slug = slug(name);
        String base = slug.isEmpty() ? PREFIX : PREFIX + "-" + slug;
        String candidate = base;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    /** The report name a script gives by default: its file name without {@code .py} ({@code perf/shop.py} → shop). */
    public static String defaultName(String script) {
        String file = script.replace('\\', '/').replaceAll("/+$", "");
        file = file.substring(file.lastIndexOf('/') + 1);
        return file.endsWith(".py") ? file.substring(0, file.length() - 3) : file;
    }

    static String slug(String name) {
        String slug = name == null
                ? ""
                : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG).replaceAll("-+$", "") : slug;
    }
}

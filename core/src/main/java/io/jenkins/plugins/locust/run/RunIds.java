package io.jenkins.plugins.locust.run;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one run-id scheme of every backend and caller: DNS-1123 labels such as {@code shop-checkout-42-k3x9q} made
 * from a readable name (the Jenkins job, or {@value #DEFAULT_NAME} in the CLI), the build number when there is one,
 * and a random part (parallel steps, two controllers, or a rebuilt job never collide). At most {@value #MAX_LENGTH}
 * characters so that every object name derived from it ({@code locust-<runId>-worker}) stays within the 52
 * characters a Job name may have (its pods append 11). The id names the run's Kubernetes objects and labels, and is
 * what a resumed run is found by.
 */
public final class RunIds {
    public static final int MAX_LENGTH = 38;
    /** The name part when the caller has no job name (the CLI). */
    public static final String DEFAULT_NAME = "loadtest";

    private static final int RANDOM_LENGTH = 5;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern VALID = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    /** A new run id for a build: sanitised job name (folders joined with dashes), build number, random suffix. */
    public static String create(String jobName, long buildNumber) {
        return create(jobName, buildNumber, randomPart());
    }

    /** A new run id without a build number: {@code <name>-<random>}, e.g. {@code loadtest-k3x9q}. */
    public static String create(String name) {
        return join(name, "", randomPart());
    }

    /** With a given suffix: deterministic, for tests and golden files. */
    public static String create(String jobName, long buildNumber, String suffix) {
        return join(jobName, Long.toString(Math.abs(buildNumber)), suffix);
    }

    private static String join(String name, String build, String suffix) {
        String middle = build.isEmpty() ? "" : build + "-";
        int room = MAX_LENGTH - middle.length() - suffix.length() - 1;
        String job = trimDashes(truncate(sanitise(name), room));
        return (job.isEmpty() ? "run" : job) + "-" + middle + suffix;
    }

    /** Whether {@code runId} can be used as given: a DNS-1123 label of at most {@value #MAX_LENGTH} characters. */
    public static boolean isValid(String runId) {
        return runId != null
                && runId.length() <= MAX_LENGTH
                && VALID.matcher(runId).matches();
    }

    /** Lower-case ASCII letters, digits and single dashes; accents dropped, everything else becomes a dash. */
    static String sanitise(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String dashed = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return trimDashes(dashed);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max));
    }

    private static String trimDashes(String text) {
        return text.replaceAll("^-+|-+$", "");
    }

    private static String randomPart() {
        StringBuilder part = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            part.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return part.toString();
    }
}

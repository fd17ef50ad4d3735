package io.jenkins.plugins.locust.trend;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which earlier build a run is compared with (relative thresholds and deltas): the {@code baseline} step parameter.
 *
 * @param kind how the build is chosen
 * @param build the build number, for {@link Kind#BUILD} only (else 0)
 */
public record Baseline(Kind kind, int build) {
    public enum Kind {
        /** The nearest earlier build that has the same named report (the default). */
        PREVIOUS,
        /** The nearest earlier build that has the report and whose result was SUCCESS. */
        LAST_SUCCESSFUL,
        /** One pinned build. */
        BUILD,
        /** No baseline: relative thresholds are skipped, no deltas. */
        NONE
    }

    /** A build of the job that has the same named report, as the history offers it. */
    public record Candidate(int build, boolean successful) {}

    public static final Baseline PREVIOUS_BUILD = new Baseline(Kind.PREVIOUS, 0);

    /**
     * Reads the step parameter: {@code previous} (also when blank), {@code lastSuccessful}, a build number
     * ({@code 42} or {@code #42}) or {@code none}.
     *
     * @throws IllegalArgumentException naming the field, the value and what is accepted
     */
    public static Baseline parse(String text) {
        String value = text == null ? "" : text.strip();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "", "previous":
                return PREVIOUS_BUILD;
            case "lastsuccessful", "last_successful", "last-successful":
                return new Baseline(Kind.LAST_SUCCESSFUL, 0);
            case "none":
                return new Baseline(Kind.NONE, 0);
            default:
                String number = value.startsWith("#") ? value.substring(1) : value;
                if (number.matches("[0-9]{1,9}") && Integer.parseInt(number) > 0) {
                    return new Baseline(Kind.BUILD, Integer.parseInt(number));
                }
                throw new IllegalArgumentException("baseline: '" + text + "' is not a baseline. Use 'previous'"
                        + " (the default), 'lastSuccessful', a build number such as '42', or 'none'.");
        }
    }

    /**
     * The build to compare build {@code current} with, among the builds that have the same named report.
     *
     * @param candidates in any order; builds at or after {@code current} are never chosen
     */
    public Optional<Integer> select(int current, List<Candidate> candidates) {
        return switch (kind) {
            case NONE -> Optional.empty();
            case BUILD ->
                candidates.stream()
                        .map(Candidate::build)
                        .filter(b -> b == build && b != current)
                        .findFirst();
            case PREVIOUS, LAST_SUCCESSFUL ->
                candidates.stream()
                        .filter(c -> c.build() < current)
                        .filter(c -> kind == Kind.PREVIOUS || c.successful())
                        .map(Candidate::build)
                        .max(Integer::compare);
        };
    }

    /** How the choice reads in a report ("the previous build", "build #42", …). */
    public String describe() {
        return switch (kind) {
            case PREVIOUS -> "the previous build";
            case LAST_SUCCESSFUL -> "the last successful build";
            case BUILD -> "build #" + build;
            case NONE -> "no baseline";
        };
    }

    /** The parameter's text, as {@link #parse} reads it back. */
    @Override
    public String toString() {
        return switch (kind) {
            case PREVIOUS -> "previous";
            case LAST_SUCCESSFUL -> "lastSuccessful";
            case BUILD -> Integer.toString(build);
            case NONE -> "none";
        };
    }
}

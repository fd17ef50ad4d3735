package io.jenkins.plugins.locust.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Locust release number, for the flags that depend on it (see reference/locust.md: flags by version). */
public record LocustVersion(int major, int minor, int patch) implements Comparable<LocustVersion> {
    /** Debian's python3-locust 2.12.1 reports an empty version (and metadata 0.0.0); it is the only such build. */
    public static final LocustVersion UNVERSIONED_BUILD = new LocustVersion(2, 12, 1);

    /** {@code --processes} appeared in 2.19.0. */
    public static final LocustVersion PROCESSES_FLAG = new LocustVersion(2, 19, 0);

    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Reads "2.47.0", "2.12.1+debian" or an image tag such as "locustio/locust:2.47.0". */
    public static Optional<LocustVersion> parse(String text) {
        if (text == null || text.isBlank() || text.trim().equals("0.0.0")) {
            return Optional.of(UNVERSIONED_BUILD);
        }
        Matcher matcher = NUMBER.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new LocustVersion(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3))));
    }

    public boolean atLeast(LocustVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(LocustVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}

package io.jenkins.plugins.locust.spec;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Locust-style durations: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 1h2m3s}, {@code 250ms}. */
public final class DurationParser {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private DurationParser() {}

    /** The duration, or empty if the text is not of the form above (bare numbers are rejected: units matter). */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                return Optional.empty();
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(
                    switch (matcher.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        default -> Duration.ofMillis(amount);
                    });
            end = matcher.end();
        }
        return end == value.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    /** Formats as Locust's {@code -t} accepts it, e.g. {@code 1h2m3s}; sub-second parts round up to a second. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toMillisPart() > 0 ? 1 : 0);
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.length() == 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }
}

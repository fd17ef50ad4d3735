package io.jenkins.plugins.locust.kubernetes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Resuming a followed log without losing or repeating lines. Lines are read with {@code timestamps=true}; a
 * reconnect asks for {@code sinceTime} = the last stamp seen, which the API server rounds down to the second, so
 * the lines it sends again are recognised by their stamp and skipped.
 */
final class LogResume {
    record Line(Instant time, String text) {}

    private Instant last;
    private int seenAtLast;
    private int toSkipAtLast;

    /** The stamp to resume from (RFC 3339), or null before the first line. */
    synchronized String sinceTime() {
        return last == null ? null : last.toString();
    }

    /** Call before reading a new stream: lines stamped as the last one seen were all delivered already. */
    synchronized void reconnected() {
        toSkipAtLast = seenAtLast;
    }

    /** The line's text if it is new, empty if the stream repeats it. */
    synchronized Optional<String> accept(String raw) {
        Line line = parse(raw);
        if (line.time() == null) {
            return Optional.of(line.text());
        }
        if (last != null && line.time().isBefore(last)) {
            return Optional.empty();
        }
        if (line.time().equals(last)) {
            if (toSkipAtLast > 0) {
                toSkipAtLast--;
                return Optional.empty();
            }
            seenAtLast++;
            return Optional.of(line.text());
        }
        last = line.time();
        seenAtLast = 1;
        toSkipAtLast = 0;
        return Optional.of(line.text());
    }

    /** Splits "2026-11-29T16:00:00.123456789Z text" into stamp and text; a line without a stamp keeps its text. */
    static Line parse(String raw) {
        int space = raw.indexOf(' ');
        if (space > 0) {
            try {
                return new Line(OffsetDateTime.parse(raw.substring(0, space)).toInstant(), raw.substring(space + 1));
            } catch (DateTimeParseException e) {
                // not stamped
            }
        }
        return new Line(null, raw);
    }
}

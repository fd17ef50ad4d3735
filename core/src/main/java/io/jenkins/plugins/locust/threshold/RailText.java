package io.jenkins.plugins.locust.threshold;

import io.jenkins.plugins.locust.result.ExceptionEntry;
import io.jenkins.plugins.locust.result.FailureEntry;
import io.jenkins.plugins.locust.result.LoadTestResult;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How the guard rails name what went wrong: the top exception and error, a moment of the test. */
final class RailText {
    private static final Pattern FRAME = Pattern.compile("File \"([^\"]*/)?([^\"/]+)\", line (\\d+), in (\\S+)");

    private RailText() {}

    /** The most frequent exception with where user code raised it, e.g. {@code ValueError: x (in f, a.py:12)}. */
    static String topException(LoadTestResult result) {
        return result.exceptions().stream()
                .max(Comparator.comparingLong(ExceptionEntry::count))
                .map(e -> "'" + e.message() + "'" + where(e.traceback()) + " (" + e.count() + " times)")
                .orElse("(none)");
    }

    /** The most frequent request error over all endpoints, e.g. {@code ConnectionRefusedError(111, …) (290 times)}. */
    static String topFailure(LoadTestResult result) {
        Map<String, Long> byError = new LinkedHashMap<>();
        for (FailureEntry failure : result.failures()) {
            byError.merge(String.valueOf(failure.error()), failure.occurrences(), Long::sum);
        }
        return byError.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " (" + e.getValue() + " times)")
                .orElse("(no error recorded)");
    }

    /**
     * The last frame of a Python traceback in the user's code, e.g. {@code in f (a.py:12)}; Locust's own frames
     * (e.g. its "No tasks defined" check) name no place the user could fix, so they are left out.
     */
    static String where(String traceback) {
        if (traceback == null) {
            return "";
        }
        Matcher frame = FRAME.matcher(traceback);
        String last = null;
        while (frame.find()) {
            String folder = frame.group(1) == null ? "" : frame.group(1);
            if (!folder.contains("-packages/locust/")) {
                last = " in " + frame.group(4) + " (" + frame.group(2) + ":" + frame.group(3) + ")";
            }
        }
        return last == null ? "" : last;
    }

    /** Seconds into the test as {@code m:ss}. */
    static String clock(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    static String quoted(List<String> expressions) {
        return expressions.stream().map(e -> "'" + e + "'").collect(Collectors.joining(", "));
    }
}

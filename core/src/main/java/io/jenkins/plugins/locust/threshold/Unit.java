package io.jenkins.plugins.locust.threshold;

import java.util.Locale;

/** The kind of quantity a metric measures, with its canonical value and how it is shown to users. */
public enum Unit {
    /** Milliseconds. */
    TIME,
    /** A ratio between 0 and 1, shown as a percentage. */
    RATIO,
    /** Per second. */
    RATE,
    /** A plain count. */
    COUNT;

    /** The value in this unit for people: {@code 812 ms}, {@code 0.40 %}, {@code 203.4/s}, {@code 12}. */
    public String format(double value) {
        return switch (this) {
            case TIME -> trim(value) + " ms";
            case RATIO -> String.format(Locale.ROOT, "%.2f %%", value * 100);
            case RATE -> String.format(Locale.ROOT, "%.1f/s", value);
            case COUNT -> trim(value);
        };
    }

    private static String trim(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

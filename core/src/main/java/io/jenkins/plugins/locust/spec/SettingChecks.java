package io.jenkins.plugins.locust.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks for the values an administrator types into the plugin's global configuration (defaults and limits), shared by
 * the form checks and by {@link LoadTestQuotas#parse}. Each returns the message to show, naming the setting, the value
 * and the fix, or empty when the value is usable. Blank always means "not set".
 */
public final class SettingChecks {
    private SettingChecks() {}

    /** A whole number of at least 1. */
    public static Optional<String> wholeNumber(String setting, String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            if (Integer.parseInt(value.trim()) >= 1) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below with the value as typed
        }
        return Optional.of(setting + " must be a whole number of at least 1, got '" + value.trim()
                + "'. Leave it empty for no limit.");
    }

    /** A CPU quantity in cores, like {@code 500m}, {@code 1} or {@code 2.5}. */
    public static Optional<String> cpu(String setting, String value) {
        return quantity(setting, value, true);
    }

    /** A memory quantity in bytes, like {@code 512Mi} or {@code 2Gi}. */
    public static Optional<String> memory(String setting, String value) {
        return quantity(setting, value, false);
    }

    /** A duration like {@code 30s}, {@code 5m} or {@code 1h30m}, longer than zero. */
    public static Optional<String> duration(String setting, String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        Optional<Duration> duration = DurationParser.parse(value);
        if (duration.isPresent() && !duration.get().isZero()) {
            return Optional.empty();
        }
        return Optional.of(setting + " must be a duration like 30s, 5m or 1h30m, got '" + value.trim() + "'.");
    }

    /** A Kubernetes namespace name (DNS-1123 label). */
    public static Optional<String> namespace(String setting, String value) {
        if (blank(value) || NetworkNames.isDnsLabel(value.trim())) {
            return Optional.empty();
        }
        return Optional.of(setting + " must be a Kubernetes namespace name (lower-case letters, digits and '-', at"
                + " most 63 characters), got '" + value.trim() + "'.");
    }

    /** Target host patterns, one per line (see {@link TargetAllowList}). */
    public static Optional<String> hostPatterns(String setting, String value) {
        return TargetAllowList.problems(value).map(problem -> setting + ": " + problem + ".");
    }

    /** The amount in base units (cores or bytes); only for values {@link #cpu} or {@link #memory} accepted. */
    static Optional<BigDecimal> amount(String value) {
        return blank(value) ? Optional.empty() : Quantity.parse(value);
    }

    private static Optional<String> quantity(String setting, String value, boolean cpu) {
        if (blank(value)) {
            return Optional.empty();
        }
        Optional<BigDecimal> amount = Quantity.parse(value);
        String suffix = Quantity.suffix(value);
        boolean wrongUnit = cpu ? suffix.endsWith("i") : suffix.equals("m");
        if (amount.isPresent() && amount.get().signum() > 0 && !wrongUnit) {
            return Optional.empty();
        }
        String example = cpu ? "500m, 1 or 2.5 (cores)" : "512Mi or 2Gi (bytes)";
        return Optional.of(
                setting + " must be a Kubernetes quantity like " + example + ", got '" + value.trim() + "'.");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

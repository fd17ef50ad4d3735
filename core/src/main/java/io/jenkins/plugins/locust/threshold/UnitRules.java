package io.jenkins.plugins.locust.threshold;

/**
 * Which units a limit may carry for each kind of metric, and its value in the canonical unit: times need
 * {@code ms} or {@code s}; {@code fail_ratio} takes a percentage or a ratio 0..1; rates take a number or
 * {@code N/s}; counts a plain number. A relative {@code + N%} is a percentage of the baseline value.
 */
final class UnitRules {
    private final ThresholdParser parser;
    private final Unit unit;
    private final int start;
    private final double number;

    /**
     * @param start 0-based position of the number, where range errors point
     * @param number the number as parsed
     */
    UnitRules(ThresholdParser parser, Unit unit, int start, double number) {
        this.parser = parser;
        this.unit = unit;
        this.start = start;
        this.number = number;
    }

    double absolute(ThresholdParser.Suffix suffix) {
        return switch (unit) {
            case TIME -> time(suffix, "a unit (ms, s)");
            case RATIO -> ratio(suffix);
            case RATE -> plain(suffix, "/s", "a rate such as 200 or 200/s");
            case COUNT -> plain(suffix, "", "a plain number");
        };
    }

    Limit.Relative relative(char change, ThresholdParser.Suffix suffix) {
        if (change == '*') {
            return new Limit.Relative(change, plain(suffix, "", "a plain factor such as 1.2"), false);
        }
        if (suffix.unit().equals("%")) {
            return new Limit.Relative(change, number, true);
        }
        double value =
                switch (unit) {
                    case TIME -> time(suffix, "a unit (ms, s, %)");
                    case RATIO -> plain(suffix, "", "'%' (of the baseline) or a ratio such as 0.01");
                    case RATE -> plain(suffix, "/s", "'%' or a rate such as 20 or 20/s");
                    case COUNT -> plain(suffix, "", "'%' or a plain number");
                };
        return new Limit.Relative(change, value, false);
    }

    private double time(ThresholdParser.Suffix suffix, String expected) {
        return switch (suffix.unit()) {
            case "ms" -> number;
            case "s" -> number * 1000;
            default -> throw unitError(suffix, expected);
        };
    }

    private double ratio(ThresholdParser.Suffix suffix) {
        String found = parser.textBetween(start, suffix);
        if (suffix.unit().equals("%")) {
            if (number > 100) {
                throw parser.errorAt(start, "a percentage between 0% and 100%", found);
            }
            return number / 100;
        }
        if (!suffix.unit().isEmpty()) {
            throw unitError(suffix, "'%' or a ratio between 0 and 1");
        }
        if (number > 1) {
            throw parser.errorAt(start, "a ratio between 0 and 1, or a percentage such as 5%", found);
        }
        return number;
    }

    private double plain(ThresholdParser.Suffix suffix, String allowed, String expected) {
        if (suffix.unit().isEmpty() || suffix.unit().equals(allowed)) {
            return number;
        }
        throw unitError(suffix, expected);
    }

    private ThresholdSyntaxException unitError(ThresholdParser.Suffix suffix, String expected) {
        return parser.errorAt(suffix.position(), expected, suffix.found());
    }
}

package io.jenkins.plugins.locust.threshold;

import java.util.Locale;

/** What a measured value is compared with: a fixed number, or one derived from the baseline build's value. */
public sealed interface Limit {

    /** The value to compare with, given the baseline's value of the same metric (ignored when absolute). */
    double resolve(double baselineValue);

    /** The limit as the user wrote it, normalised: {@code 800 ms}, {@code baseline + 10%}. */
    String describe(Unit unit);

    /** A fixed limit in the metric's canonical unit (ms, ratio 0..1, 1/s, count). */
    record Absolute(double value) implements Limit {
        @Override
        public double resolve(double baselineValue) {
            return value;
        }

        @Override
        public String describe(Unit unit) {
            return unit.format(value);
        }
    }

    /**
     * A limit relative to the baseline: {@code baseline}, {@code baseline + 10%}, {@code baseline - 50ms},
     * {@code baseline * 1.2}.
     *
     * @param change {@code +}, {@code -} or {@code *}; {@code +} with amount 0 for plain {@code baseline}
     * @param amount the number after the sign, in the metric's canonical unit unless {@code percent}
     * @param percent the amount is a percentage of the baseline value
     */
    record Relative(char change, double amount, boolean percent) implements Limit {
        public static final Relative BASELINE = new Relative('+', 0, false);

        @Override
        public double resolve(double baselineValue) {
            double delta = percent ? baselineValue * amount / 100 : amount;
            return switch (change) {
                case '+' -> baselineValue + delta;
                case '-' -> baselineValue - delta;
                case '*' -> baselineValue * amount;
                default -> throw new IllegalStateException("unknown change " + change);
            };
        }

        @Override
        public String describe(Unit unit) {
            if (this.equals(BASELINE)) {
                return "baseline";
            }
            String number = percent
                    ? trim(amount) + "%"
                    : change == '*' ? trim(amount) : unit.format(amount).replace(" ", "");
            return "baseline " + change + " " + number;
        }

        private static String trim(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
        }
    }
}

package io.jenkins.plugins.locust.threshold;

import java.util.Optional;

/** How the measured value must compare with the limit for the threshold to pass. */
public enum Operator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("==");

    /** Values closer than this (relative) count as equal, so 1.1 % and 11/1000 compare as the same number. */
    private static final double EPSILON = 1e-9;

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<Operator> of(String symbol) {
        for (Operator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    /** True when {@code actual} satisfies this operator against {@code limit}. */
    public boolean holds(double actual, double limit) {
        boolean equal = Math.abs(actual - limit) <= EPSILON * Math.max(Math.abs(actual), Math.abs(limit));
        return switch (this) {
            case LESS -> actual < limit && !equal;
            case LESS_OR_EQUAL -> actual < limit || equal;
            case GREATER -> actual > limit && !equal;
            case GREATER_OR_EQUAL -> actual > limit || equal;
            case EQUAL -> equal;
        };
    }
}

package io.jenkins.plugins.locust.threshold;

/**
 * A threshold that cannot be parsed, with where and what was expected, e.g. {@code threshold 'p95 < 8x0ms': at
 * position 8 expected a unit (ms, s) but found 'x0ms'}. Positions count characters from 1.
 */
public class ThresholdSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;
    private final String expected;
    private final String found;

    /**
     * @param found the offending text, or null at the end of the input
     */
    public ThresholdSyntaxException(String expression, int position, String expected, String found) {
        super("threshold '" + expression + "': " + detail(position, expected, found));
        this.expression = expression;
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    private static String detail(int position, String expected, String found) {
        return "at position " + position + " expected " + expected + " but found "
                + (found == null ? "end of input" : "'" + found + "'");
    }

    /** The message without the expression: {@code at position 8 expected a unit (ms, s) but found 'x0ms'}. */
    public String detail() {
        return detail(position, expected, found);
    }

    public String expression() {
        return expression;
    }

    /** 1-based character position of the problem. */
    public int position() {
        return position;
    }

    public String expected() {
        return expected;
    }

    /** The offending text, or null when the input ended too early. */
    public String found() {
        return found;
    }
}

package io.jenkins.plugins.locust.threshold;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one threshold: {@code [ENDPOINT:] METRIC OP LIMIT [unstable|failure] [abort]}, for example
 * {@code p95 < 800ms}, {@code fail_ratio < 1%}, {@code GET /api/cart: p99 < 1.5s unstable},
 * {@code p95 <= baseline + 10%} or {@code fail_ratio < 5% abort}. The endpoint is everything before the last
 * colon. Errors say at which position what was expected (see {@link ThresholdSyntaxException}).
 */
public final class ThresholdParser {
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final String SUFFIXES = "'unstable', 'failure', 'abort' or end of input";

    private final String text;
    private int pos;
    private int numberEnd;

    private ThresholdParser(String text) {
        this.text = text;
    }

    /** Parses one expression; throws {@link ThresholdSyntaxException} naming the position and what was expected. */
    public static Threshold parse(String expression) {
        return new ThresholdParser(expression == null ? "" : expression).threshold();
    }

    /** Parses every expression, failing on the first invalid one. */
    public static List<Threshold> parseAll(List<String> expressions) {
        return expressions.stream().map(ThresholdParser::parse).toList();
    }

    private Threshold threshold() {
        String endpoint = endpoint();
        Metric metric = metric();
        Operator operator = operator();
        Limit limit = limit(metric.unit());
        Severity severity = null;
        boolean abort = false;
        while (skipSpaces() < text.length()) {
            int start = pos;
            String word = run("[A-Za-z_]").toLowerCase(Locale.ROOT);
            if (word.equals("abort") && !abort) {
                abort = true;
                checkAbort(metric, limit, start);
            } else if ((word.equals("unstable") || word.equals("failure")) && severity == null) {
                severity = word.equals("unstable") ? Severity.UNSTABLE : Severity.FAILURE;
            } else {
                pos = start;
                throw error(SUFFIXES, token());
            }
        }
        return new Threshold(
                text, endpoint, metric, operator, limit, severity == null ? Severity.FAILURE : severity, abort);
    }

    private String endpoint() {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String endpoint = text.substring(0, colon).trim();
        if (endpoint.isEmpty()) {
            skipSpaces();
            throw error("an endpoint before ':' (e.g. 'GET /api/cart: p95 < 800ms')", ":");
        }
        pos = colon + 1;
        return endpoint;
    }

    private Metric metric() {
        int metricStart = skipSpaces();
        Metric metric = metricName();
        if (metric.resultWide() && text.lastIndexOf(':') >= 0) {
            pos = metricStart;
            throw error("no endpoint before '" + metric.name() + "' (it counts the whole run)", metric.name());
        }
        return metric;
    }

    private Metric metricName() {
        skipSpaces();
        int start = pos;
        String word = run("[A-Za-z0-9_.]");
        if (word.isEmpty()) {
            throw error("a metric (" + Metric.KNOWN + ")", token());
        }
        return Metric.named(word).orElseThrow(() -> {
            pos = start;
            return error("a metric (" + Metric.KNOWN + ")", word);
        });
    }

    private Operator operator() {
        skipSpaces();
        int start = pos;
        String symbol = run("[<>=!]");
        if (symbol.isEmpty()) {
            throw error("an operator (<, <=, >, >=, ==)", token());
        }
        return Operator.of(symbol).orElseThrow(() -> {
            pos = start;
            return error("an operator (<, <=, >, >=, ==)", symbol);
        });
    }

    private Limit limit(Unit unit) {
        skipSpaces();
        int start = pos;
        if (run("[A-Za-z_]").equalsIgnoreCase("baseline")) {
            return relative(unit);
        }
        pos = start;
        double number = number("a number or 'baseline'");
        return new Limit.Absolute(new UnitRules(this, unit, start, number).absolute(suffix()));
    }

    private Limit relative(Unit unit) {
        int afterBaseline = pos;
        skipSpaces();
        if (pos >= text.length() || "+-*".indexOf(text.charAt(pos)) < 0) {
            pos = afterBaseline;
            return Limit.Relative.BASELINE;
        }
        char change = text.charAt(pos++);
        skipSpaces();
        int start = pos;
        double amount = number("a number");
        return new UnitRules(this, unit, start, amount).relative(change, suffix());
    }

    private double number(String expected) {
        Matcher matcher = NUMBER.matcher(text).region(pos, text.length());
        if (!matcher.lookingAt()) {
            throw error(expected, token());
        }
        pos = matcher.end();
        numberEnd = pos;
        return Double.parseDouble(matcher.group());
    }

    /**
     * The unit after a number: the adjacent text, or a known unit after spaces ({@code 800 ms}); else no unit, and
     * the position and text an error about a missing unit would point at.
     */
    private Suffix suffix() {
        if (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            String adjacent = token();
            Suffix suffix = new Suffix(adjacent.toLowerCase(Locale.ROOT), pos, adjacent);
            pos += adjacent.length();
            return suffix;
        }
        int before = pos;
        skipSpaces();
        String next = token();
        if (next != null && List.of("ms", "s", "%", "/s").contains(next.toLowerCase(Locale.ROOT))) {
            Suffix suffix = new Suffix(next.toLowerCase(Locale.ROOT), pos, next);
            pos += next.length();
            return suffix;
        }
        Suffix none = new Suffix("", pos, next);
        pos = before;
        return none;
    }

    /**
     * @param unit the unit text, "" when there is none
     * @param position 0-based position of the unit, or of what follows the number when there is none
     * @param found the text at {@code position}, null at the end of the input
     */
    record Suffix(String unit, int position, String found) {}

    private int skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** Consumes the characters matching {@code charClass} from the current position. */
    private String run(String charClass) {
        int start = pos;
        while (pos < text.length() && String.valueOf(text.charAt(pos)).matches(charClass)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** The non-space text at the current position (not consumed), or null at the end. */
    private String token() {
        int end = pos;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end == pos ? null : text.substring(pos, end);
    }

    private void checkAbort(Metric metric, Limit limit, int start) {
        pos = start;
        if (limit instanceof Limit.Relative) {
            throw error("an absolute limit before 'abort' (the live check has no baseline)", "abort");
        }
        if (!metric.live()) {
            throw error(
                    "'abort' only after " + String.join(", ", Metric.LIVE) + " (not " + metric.name() + ")", "abort");
        }
        pos += "abort".length();
    }

    ThresholdSyntaxException error(String expected, String found) {
        return new ThresholdSyntaxException(text, pos + 1, expected, found);
    }

    /** The number and its unit as written, e.g. {@code 150%}, for range errors. */
    String textBetween(int start, Suffix suffix) {
        return text.substring(
                start,
                suffix.unit().isEmpty()
                        ? numberEnd
                        : suffix.position() + suffix.unit().length());
    }

    ThresholdSyntaxException errorAt(int position, String expected, String found) {
        pos = position;
        return error(expected, found);
    }
}

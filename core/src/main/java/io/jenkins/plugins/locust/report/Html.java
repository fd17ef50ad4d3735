package io.jenkins.plugins.locust.report;

import java.util.Locale;

/** Escaping and number formats shared by the HTML, SVG and XML writers. */
final class Html {
    private Html() {}

    /** Escapes text for HTML and XML content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0; Locust error texts can carry them.
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String ms(double value) {
        return Long.toString(Math.round(value));
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio * 100);
    }

    static String rate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Seconds as {@code m:ss}, e.g. {@code 1:05}. */
    static String clock(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    /** A number for an SVG attribute, with at most one decimal. */
    static String coordinate(double value) {
        // Charts write thousands of these: plain arithmetic instead of String.format.
        long tenths = Math.round(value * 10);
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return abs % 10 == 0 ? sign + abs / 10 : sign + abs / 10 + "." + abs % 10;
    }
}

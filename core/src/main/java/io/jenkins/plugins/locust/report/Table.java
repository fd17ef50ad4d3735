package io.jenkins.plugins.locust.report;

import java.util.List;

/** A small HTML table writer: every cell is escaped; numeric columns get the {@code num} class. */
final class Table {
    private final StringBuilder html = new StringBuilder();
    private final boolean[] numeric;

    /**
     * @param headers column titles; a title starting with {@code #} marks a numeric (right-aligned) column
     */
    Table(String cssClass, List<String> headers) {
        numeric = new boolean[headers.size()];
        html.append("<table class=\"").append(cssClass).append("\">\n<thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            numeric[i] = header.startsWith("#");
            html.append(cell("th", numeric[i] ? header.substring(1) : header, numeric[i] ? "num" : null));
        }
        html.append("</tr></thead>\n<tbody>\n");
    }

    Table row(List<String> cells) {
        return row(null, cells);
    }

    /** A row with a CSS class (e.g. {@code failed}) or none. */
    Table row(String cssClass, List<String> cells) {
        html.append(cssClass == null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
        for (int i = 0; i < cells.size(); i++) {
            html.append(cell("td", cells.get(i), i < numeric.length && numeric[i] ? "num" : null));
        }
        html.append("</tr>\n");
        return this;
    }

    /** A row whose cells are already HTML (used for pre-formatted tracebacks). */
    Table rawRow(String cells) {
        html.append("<tr>").append(cells).append("</tr>\n");
        return this;
    }

    Table footer(List<String> cells) {
        html.append("</tbody>\n<tfoot><tr>");
        for (int i = 0; i < cells.size(); i++) {
            html.append(cell("th", cells.get(i), i < numeric.length && numeric[i] ? "num" : null));
        }
        html.append("</tr></tfoot>\n");
        return this;
    }

    String html() {
        String body = html.toString();
        return body.contains("<tfoot>") ? body + "</table>\n" : body + "</tbody>\n</table>\n";
    }

    private static String cell(String tag, String text, String cssClass) {
        String open = cssClass == null ? "<" + tag + ">" : "<" + tag + " class=\"" + cssClass + "\">";
        return open + Html.escape(text) + "</" + tag + ">";
    }
}

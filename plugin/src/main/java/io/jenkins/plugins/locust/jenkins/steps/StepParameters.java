package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values of the {@code loadTest} parameters the user gave, by parameter name: the one store behind the step's
 * getters and setters, and the part of the step the execution keeps across a controller restart.
 *
 * <p>A plain public class holding only JDK values (text, whole and decimal numbers, flags, lists of text), so that
 * Pipeline's JBoss Marshalling River reads it back in every version (River 2.2.2 cannot read non-public records). A
 * parameter that was not given has no entry, so that core's default applies. The {@code env} entries are never kept
 * here: their values may be secrets, and they are only needed to start the run.
 */
public final class StepParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Serializable> values = new LinkedHashMap<>();

    /** Names read since construction or deserialization, so a test can prove that every parameter is used. */
    private transient Set<String> read;

    /** A copy without the parameters named in {@code left}. */
    StepParameters without(String... left) {
        StepParameters copy = new StepParameters();
        copy.values.putAll(values);
        Arrays.asList(left).forEach(copy.values::remove);
        return copy;
    }

    void put(String name, @CheckForNull Serializable value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    /** Text with surrounding blanks removed; blank text counts as not given. */
    void putText(String name, @CheckForNull String value) {
        put(name, value == null || value.isBlank() ? null : value.trim());
    }

    /** Text kept exactly as given (YAML); blank text counts as not given. */
    void putVerbatim(String name, @CheckForNull String value) {
        put(name, value == null || value.isBlank() ? null : value);
    }

    /**
     * One value per line: an element holding several lines (the form's text area sends one) counts line by line, blank
     * lines are dropped, so that the list reads back the same way the form shows it.
     */
    void putLines(String name, @CheckForNull List<?> given) {
        ArrayList<String> lines = new ArrayList<>();
        if (given != null) {
            for (Object element : given) {
                if (element != null) {
                    for (String line : String.valueOf(element).split("\\R")) {
                        if (!line.isBlank()) {
                            lines.add(line.trim());
                        }
                    }
                }
            }
        }
        put(name, lines.isEmpty() ? null : lines);
    }

    @CheckForNull
    String text(String name) {
        return (String) value(name);
    }

    @CheckForNull
    Integer integer(String name) {
        return (Integer) value(name);
    }

    @CheckForNull
    Double number(String name) {
        return (Double) value(name);
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(value(name));
    }

    @SuppressWarnings("unchecked")
    List<String> lines(String name) {
        Object lines = value(name);
        return lines == null ? List.of() : Collections.unmodifiableList((List<String>) lines);
    }

    /** The names of the parameters read so far. */
    Set<String> namesRead() {
        return read == null ? Set.of() : Set.copyOf(read);
    }

    private Object value(String name) {
        if (read == null) {
            read = new TreeSet<>();
        }
        read.add(name);
        return values.get(name);
    }

    /** One line for the build log: every parameter given, in the order it was set. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Serializable> entry : values.entrySet()) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(entry.getKey())
                    .append('=')
                    .append(shown(entry.getValue()));
        }
        return text.toString();
    }

    /** Multi-line text (the pod overlay) would break the line: only its size shows. */
    private static Object shown(Serializable value) {
        if (value instanceof String text && text.contains("\n")) {
            return "(" + text.split("\\R").length + " lines)";
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepParameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "StepParameters[" + describe() + "]";
    }
}

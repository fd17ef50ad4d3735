package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.run.BackendEvents;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Passes lines on and keeps the last few of each source, to quote them when that pod fails. */
final class LineTails implements BackendEvents {
    static final int KEPT = 20;

    private final BackendEvents events;
    private final Map<String, Deque<String>> tails = new HashMap<>();

    LineTails(BackendEvents events) {
        this.events = events;
    }

    @Override
    public void line(String source, String text) {
        synchronized (tails) {
            Deque<String> tail = tails.computeIfAbsent(source, s -> new ArrayDeque<>());
            tail.addLast(text);
            if (tail.size() > KEPT) {
                tail.removeFirst();
            }
        }
        events.line(source, text);
    }

    @Override
    public void fault(String message, boolean fatal) {
        events.fault(message, fatal);
    }

    List<String> tail(String source) {
        synchronized (tails) {
            return List.copyOf(tails.getOrDefault(source, new ArrayDeque<>()));
        }
    }

    /** "Its last log lines:\n  …" or a note that it printed nothing. */
    static String quote(List<String> lines) {
        if (lines.isEmpty()) {
            return " It printed nothing.";
        }
        StringBuilder text = new StringBuilder(" Its last log lines:");
        lines.forEach(line -> text.append("\n  ").append(line));
        return text.toString();
    }
}

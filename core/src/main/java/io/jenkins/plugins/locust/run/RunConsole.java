package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.reporter.ReporterEvent;
import io.jenkins.plugins.locust.reporter.ReporterEvents;
import io.jenkins.plugins.locust.reporter.ResultCollector;
import io.jenkins.plugins.locust.reporter.UnsupportedReporterProtocolException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Routes what a backend reports: reporter lines to the {@link ResultCollector} (never printed), every other line to
 * the console as {@code [worker-2] text}, faults to the console and the result's warnings. Keeps the master's last
 * lines for the error message when it ends without a result.
 */
final class RunConsole implements BackendEvents {
    static final int KEPT_LINES = 25;
    static final String PREFIX = "[loadtest] ";

    private final RunListener listener;
    private final ResultCollector collector;
    private final Deque<String> masterTail = new ArrayDeque<>();
    private String fatalFault;
    private String protocolError;

    RunConsole(RunListener listener, ResultCollector collector) {
        this.listener = listener;
        this.collector = collector;
    }

    @Override
    public void line(String source, String text) {
        try {
            if (ReporterEvents.parse(text).map(this::accept).isPresent()) {
                return;
            }
        } catch (UnsupportedReporterProtocolException e) {
            synchronized (this) {
                if (protocolError == null) {
                    protocolError = e.getMessage();
                }
            }
            say(e.getMessage());
            return;
        }
        synchronized (this) {
            if ("master".equals(source)) {
                masterTail.addLast(text);
                if (masterTail.size() > KEPT_LINES) {
                    masterTail.removeFirst();
                }
            }
            listener.println("[" + source + "] " + text);
        }
    }

    private boolean accept(ReporterEvent event) {
        collector.accept(event);
        return true;
    }

    @Override
    public void fault(String message, boolean fatal) {
        collector.warn(message);
        synchronized (this) {
            if (fatal && fatalFault == null) {
                fatalFault = message;
            }
        }
        say(message);
    }

    /** A line of our own on the console. */
    synchronized void say(String message) {
        listener.println(PREFIX + message);
    }

    synchronized List<String> masterTail() {
        return List.copyOf(masterTail);
    }

    synchronized Optional<String> fatalFault() {
        return Optional.ofNullable(fatalFault);
    }

    synchronized Optional<String> protocolError() {
        return Optional.ofNullable(protocolError);
    }
}

package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.reporter.ReporterEvent;
import io.jenkins.plugins.locust.reporter.ReporterEvents;
import io.jenkins.plugins.locust.run.BackendEvents;

/**
 * Reads the master's lines on their way to the runner to learn when the test has started: the reporter's workers
 * event with every worker connected, or (without the reporter) Locust's own "Sending spawn jobs" line.
 */
final class GateWatch implements BackendEvents {
    private final BackendEvents events;
    private final int expectedWorkers;
    private final Runnable open;
    private volatile boolean opened;

    GateWatch(BackendEvents events, int expectedWorkers, Runnable open) {
        this.events = events;
        this.expectedWorkers = expectedWorkers;
        this.open = open;
    }

    @Override
    public void line(String source, String text) {
        if (!opened && opens(text, expectedWorkers)) {
            opened = true;
            open.run();
        }
        events.line(source, text);
    }

    /** Whether this master line shows that every worker is in. */
    static boolean opens(String text, int expectedWorkers) {
        return text.contains("Sending spawn jobs") || allConnected(text, expectedWorkers);
    }

    private static boolean allConnected(String text, int expectedWorkers) {
        try {
            return ReporterEvents.parse(text)
                    .filter(ReporterEvent.Workers.class::isInstance)
                    .map(e -> ((ReporterEvent.Workers) e).connected() >= expectedWorkers)
                    .orElse(false);
        } catch (RuntimeException e) {
            return false; // the runner reports protocol problems
        }
    }

    @Override
    public void fault(String message, boolean fatal) {
        events.fault(message, fatal);
    }
}

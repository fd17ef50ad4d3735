package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.run.BackendEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Backend events as a test sees them: every line with its source, every fault. */
final class RecordingEvents implements BackendEvents {
    record Line(String source, String text) {}

    record Fault(String message, boolean fatal) {}

    final List<Line> lines = new CopyOnWriteArrayList<>();
    final List<Fault> faults = new CopyOnWriteArrayList<>();

    @Override
    public void line(String source, String text) {
        lines.add(new Line(source, text));
    }

    @Override
    public void fault(String message, boolean fatal) {
        faults.add(new Fault(message, fatal));
    }

    List<String> linesOf(String source) {
        return lines.stream()
                .filter(l -> l.source().equals(source))
                .map(Line::text)
                .toList();
    }

    Fault awaitFault(Predicate<Fault> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Fault fault : faults) {
                if (which.test(fault)) {
                    return fault;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such fault within " + timeout + "; faults: " + faults);
    }

    void awaitLine(Predicate<Line> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(which)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such line within " + timeout + "; lines: " + lines.size());
    }
}

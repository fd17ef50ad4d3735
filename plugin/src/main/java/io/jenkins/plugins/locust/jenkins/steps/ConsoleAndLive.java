package io.jenkins.plugins.locust.jenkins.steps;

import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.run.RunListener;
import java.io.PrintStream;
import java.util.function.Consumer;

/** A run's console lines go to the build log, its reporter snapshots to the build page's live view. */
class ConsoleAndLive implements RunListener {
    private final PrintStream log;
    private final Consumer<Snapshot> live;

    ConsoleAndLive(PrintStream log, Consumer<Snapshot> live) {
        this.log = log;
        this.live = live;
    }

    @Override
    public void println(String line) {
        log.println(line);
    }

    @Override
    public void snapshot(Snapshot snapshot) {
        live.accept(snapshot);
    }
}

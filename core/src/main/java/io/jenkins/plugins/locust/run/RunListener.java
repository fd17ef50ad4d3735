package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.result.Snapshot;

/** The user's console: the build log in Jenkins, stderr in the CLI. Lines arrive already formatted. */
@FunctionalInterface
public interface RunListener {
    void println(String line);

    /**
     * The run's master and workers now exist: {@code state} is what to persist to {@link LoadTestRunner#resume} the
     * run should this process die before it ends. Called once per run, on the runner's thread, before the start
     * gate; not called for a resumed run (its state is already known).
     */
    default void started(ResumeState state) {}

    /**
     * A new point of the reporter's time series (every 2 s while the test runs), in order, on the runner's thread: what
     * a live view draws. A resumed run passes the points replayed from the master's output too.
     */
    default void snapshot(Snapshot snapshot) {}
}

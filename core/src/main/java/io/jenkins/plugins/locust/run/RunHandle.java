package io.jenkins.plugins.locust.run;

import java.util.concurrent.CompletableFuture;

/** A started run. {@link #close()} is always called, in a finally, on every path. */
public interface RunHandle extends AutoCloseable {
    /** Completes with the master's exit code when the master process or container has ended. */
    CompletableFuture<Integer> masterExit();

    /** Asks the master to stop the test now and write its final result (SIGTERM, or deleting the master pod). */
    void stop();

    /** Stops and removes everything this run started and confirms it is gone. Idempotent; never throws. */
    @Override
    void close();
}

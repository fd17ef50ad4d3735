package io.jenkins.plugins.locust.run;

import java.util.concurrent.CompletableFuture;

/**
 * A started (or re-attached) run. Either {@link #close()} or {@link #detach()} is always called, in a finally, on
 * every path.
 */
public interface RunHandle extends AutoCloseable {
    /** Completes with the master's exit code when the master process or container has ended. */
    CompletableFuture<Integer> masterExit();

    /** Asks the master to stop the test now and write its final result (SIGTERM, or deleting the master pod). */
    void stop();

    /** Stops and removes everything this run started and confirms it is gone. Idempotent; never throws. */
    @Override
    void close();

    /**
     * Lets go of the run <em>without</em> ending it: stops watching and following (threads, streams, the client)
     * and leaves master and workers running, so that {@link Backend#attach} can take the run over later. This is
     * what a process going away does to a run (a Jenkins controller shutting down); after it, {@link #close()} does
     * nothing. Backends whose runs cannot outlive this process (local processes) end the run instead, like
     * {@link #close()}. Idempotent; never throws.
     */
    default void detach() {
        close();
    }

    /** The Kubernetes namespace holding the run's objects (for {@link Backend#attach}); null without one. */
    default String namespace() {
        return null;
    }
}

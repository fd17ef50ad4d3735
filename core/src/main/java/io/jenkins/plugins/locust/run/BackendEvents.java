package io.jenkins.plugins.locust.run;

/** What a backend reports while a run is going; called from the backend's threads. */
public interface BackendEvents {
    /**
     * One line of output. {@code source} is {@code master} or {@code worker-N} (1-based); reporter lines arrive
     * here too, in the master's stream, and are picked out by the runner.
     */
    void line(String source, String text);

    /**
     * A fault the user must see, found by the backend itself: a pod that cannot be scheduled, an image that
     * cannot be pulled, a worker process that died. {@code fatal} faults end the run.
     */
    void fault(String message, boolean fatal);
}

package io.jenkins.plugins.locust.run;

/**
 * The run could not be carried out (as opposed to a run whose thresholds failed): Locust would not start, workers
 * never connected, the cluster refused. The message is for the user and says what to do.
 */
public class LoadTestException extends Exception {
    private static final long serialVersionUID = 1L;

    public LoadTestException(String message) {
        super(message);
    }

    public LoadTestException(String message, Throwable cause) {
        super(message, cause);
    }
}

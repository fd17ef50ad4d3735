package io.jenkins.plugins.locust.run;

/** Where a run carried out by {@link LoadTestRunner} is, for a status display (Jenkins' step status). */
public enum RunPhase {
    /** Nothing launched yet. */
    NOT_STARTED("not started"),
    /** Creating the master and workers, or re-attaching to them. */
    LAUNCHING("launching"),
    /** Master and workers exist; waiting until every worker has connected (the start gate). */
    WAITING_FOR_WORKERS("waiting for workers"),
    /** The test runs. */
    RUNNING("running"),
    /** The master was asked to stop (over time) and should print its final numbers. */
    STOPPING("stopping"),
    /** The master has ended: cleaning up, evaluating thresholds, writing reports. */
    EVALUATING("evaluating"),
    /** Done, with a verdict. */
    FINISHED("finished"),
    /** Ended without a verdict: the run failed (the exception says why). */
    FAILED("failed");

    private final String text;

    RunPhase(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}

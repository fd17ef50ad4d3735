package io.jenkins.plugins.locust.result;

/**
 * What was run and by what.
 *
 * @param runId the run's unique id (also the Kubernetes run label)
 * @param backend {@code local} or {@code kubernetes}
 * @param users the planned peak users; with the locustfile's own load shape, the most users that ran
 * @param runTimeSeconds the planned duration; with the locustfile's own load shape, how long the test ran
 * @param abortReason why the run was stopped early (a threshold with {@code abort}), or null
 * @param locustExitCode the master's exit code, or null if it never exited normally
 * @param loadShape the locustfile's own {@code LoadTestShape} class that drove users and duration, or null when the
 *     load test's users and run time (or stages) did
 */
public record RunInfo(
        String runId,
        String backend,
        String locustVersion,
        String host,
        int users,
        int expectedWorkers,
        double runTimeSeconds,
        String abortReason,
        Integer locustExitCode,
        String loadShape) {

    /** A run driven by the load test's own users and run time (or stages). */
    public RunInfo(
            String runId,
            String backend,
            String locustVersion,
            String host,
            int users,
            int expectedWorkers,
            double runTimeSeconds,
            String abortReason,
            Integer locustExitCode) {
        this(
                runId,
                backend,
                locustVersion,
                host,
                users,
                expectedWorkers,
                runTimeSeconds,
                abortReason,
                locustExitCode,
                null);
    }
}

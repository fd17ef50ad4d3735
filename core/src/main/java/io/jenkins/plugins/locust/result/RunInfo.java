package io.jenkins.plugins.locust.result;

/**
 * What was run and by what.
 *
 * @param runId the run's unique id (also the Kubernetes run label)
 * @param backend {@code local} or {@code kubernetes}
 * @param abortReason why the run was stopped early (a threshold with {@code abort}), or null
 * @param locustExitCode the master's exit code, or null if it never exited normally
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
        Integer locustExitCode) {}

package io.jenkins.plugins.locust.result;

/**
 * A Locust worker as the master last saw it.
 *
 * @param state Locust's state ({@code ready}, {@code spawning}, {@code running}, {@code stopped}, {@code missing}),
 *     or {@code gone} once the worker left the master (it quit, or Locust removed it after it went missing)
 * @param maxCpuPercent the highest CPU usage measured (above 90 % means the numbers are suspect), null when no CPU
 *     sample was taken (Locust's first sample is always 0, so a 0 from a short run means "not measured")
 * @param lost true when the worker went missing or disconnected before the test ended
 * @param lostAtSeconds seconds into the test when it was lost, or null
 * @param exitCode the exit code the worker announced before it ended (e.g. {@code sys.exit(3)} in a task), or null
 * @param exitCause what ended it, e.g. {@code SystemExit(3) raised in task ExitingUser.fast_then_exit}, or null
 */
public record WorkerInfo(
        String id,
        String state,
        int users,
        Double maxCpuPercent,
        boolean lost,
        Double lostAtSeconds,
        Integer exitCode,
        String exitCause) {

    public WorkerInfo(String id, String state, int users, Double maxCpuPercent, boolean lost) {
        this(id, state, users, maxCpuPercent, lost, null, null, null);
    }
}

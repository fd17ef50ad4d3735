package io.jenkins.plugins.locust.result;

/**
 * The load Locust really ran, as its master reported it, for the guard rails to compare with the plan in
 * {@link RunInfo}. Absent ({@code null}) in results written before these facts were recorded.
 *
 * @param users the user count Locust parsed from its command line ({@code -u}), null with stages or a shape
 * @param runTimeSeconds the run time Locust parsed ({@code -t}), null with stages or a shape
 * @param host the host Locust parsed ({@code --host}), null when the locustfile's users name their own
 * @param shape the locustfile's own {@code LoadTestShape} class that drove the load, null when it did not
 * @param shapePlanned true when the plan is that shape (the spec gave no users, run time or stages of its own)
 * @param peakUsers the most users running in any snapshot
 * @param testSeconds seconds from test start to test stop, null when the test never started
 * @param stopCause why the test stopped before its end: {@code abort}, {@code workers_missing} (every worker
 *     stopped answering), {@code workers_gone} (every worker left), or null for a normal end
 * @param tasks task iterations the workers executed (Locust does not count them; the reporter does), null when
 *     not counted
 */
public record LoadRan(
        Integer users,
        Double runTimeSeconds,
        String host,
        String shape,
        boolean shapePlanned,
        int peakUsers,
        Double testSeconds,
        String stopCause,
        Long tasks) {}

package io.jenkins.plugins.locust.kubernetes.testcluster;

/** What a test changes in how the kubelet treats its namespace's pods: faults and the log follow lifetime. */
final class KubeletHooks {
    private final PodFaults faults = new PodFaults();
    private volatile long followLifetimeMillis = Long.MAX_VALUE;

    PodFaults faults() {
        return faults;
    }

    long followLifetimeMillis() {
        return followLifetimeMillis;
    }

    void followLifetime(long millis) {
        followLifetimeMillis = millis;
    }
}

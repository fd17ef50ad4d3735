package io.jenkins.plugins.locust.spec;

/**
 * Kubernetes resource quantities for one role (master or worker). Requests make the cluster scale before the
 * test; a CPU limit is optional because throttled workers miss heartbeats. Null means "not set".
 */
public record Resources(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
    public static final Resources MASTER_DEFAULT = new Resources("500m", null, "512Mi", "512Mi");
    public static final Resources WORKER_DEFAULT = new Resources("1", null, "1Gi", "1Gi");
}

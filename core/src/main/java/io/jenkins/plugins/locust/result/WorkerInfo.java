package io.jenkins.plugins.locust.result;

/**
 * A Locust worker as the master last saw it.
 *
 * @param lost true when the worker went missing or disconnected before the test ended
 * @param maxCpuPercent the highest CPU usage it reported (above 90 % means the numbers are suspect)
 */
public record WorkerInfo(String id, String state, int users, double maxCpuPercent, boolean lost) {}

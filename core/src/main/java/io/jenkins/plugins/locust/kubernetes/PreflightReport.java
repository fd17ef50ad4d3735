package io.jenkins.plugins.locust.kubernetes;

import java.util.List;

/**
 * What {@link Preflight} found, check by check, for a console ({@code loadtest check}) or a form ("Test
 * connection") to print. The run can start when no check {@link Status#FAILED failed}.
 *
 * @param namespace the namespace that was checked (null when the connection failed before it was known)
 */
public record PreflightReport(String namespace, List<Check> checks) {
    public enum Status {
        OK,
        WARNING,
        FAILED
    }

    /**
     * One check.
     *
     * @param name what was checked: {@code connection}, {@code server}, {@code permissions}, {@code pod security},
     *     {@code dry run}
     * @param detail what was found; for a failure, what is wrong and how to fix it
     */
    public record Check(String name, Status status, String detail) {
        @Override
        public String toString() {
            return name + ": " + status + " - " + detail;
        }
    }

    public PreflightReport {
        checks = List.copyOf(checks);
    }

    /** True when a run can start: nothing failed (warnings allowed). */
    public boolean passed() {
        return checks.stream().noneMatch(c -> c.status() == Status.FAILED);
    }

    /** The check of this name, if it ran. */
    public java.util.Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}

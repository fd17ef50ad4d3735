package io.jenkins.plugins.locust.spec;

import java.util.List;

/**
 * The locustfile's own {@code LoadTestShape} decides users, spawn rate and duration, and Locust silently ignores
 * {@code -u}, {@code -r} and {@code -t} next to it. So a run with such a shape is accepted only when the load test
 * sets none of them itself: otherwise the load that ran would not be the load that was asked for. A run time stays
 * allowed, as the most the shape may run.
 */
final class ShapeCheck {
    private final LoadTestSpecBuilder in;
    private final Findings findings;

    ShapeCheck(LoadTestSpecBuilder in, Findings findings) {
        this.in = in;
        this.findings = findings;
    }

    /** The shape that drives the run, or null when the locustfile has none (or the input conflicts with it). */
    String check(List<String> shapes) {
        if (shapes.isEmpty()) {
            return null;
        }
        String shape = shapes.get(0);
        if (shapes.size() > 1) {
            findings.error(
                    "script",
                    in.script,
                    "the locustfile declares " + shapes.size() + " load shapes (" + String.join(", ", shapes)
                            + "), and which one Locust runs depends on its version; keep one, or mark the others"
                            + " 'abstract = True'");
        }
        String owner = "the locustfile's load shape " + shape;
        if (in.users != null) {
            findings.error(
                    "users",
                    in.users,
                    owner + " sets the number of users itself and Locust ignores users next to it; remove users,"
                            + " or remove the shape class to run a fixed number of users");
        }
        if (in.spawnRate != null) {
            findings.error(
                    "spawnRate",
                    in.spawnRate,
                    owner + " sets the spawn rate itself and Locust ignores spawnRate next to it; remove spawnRate");
        }
        if (!in.stages.isEmpty()) {
            findings.error(
                    "stages",
                    String.join(", ", in.stages),
                    owner + " already defines the load over time; remove stages, or remove the shape class from the"
                            + " locustfile");
        }
        return shape;
    }
}

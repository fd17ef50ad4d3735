package io.jenkins.plugins.locust.run;

/** The user's console: the build log in Jenkins, stderr in the CLI. Lines arrive already formatted. */
@FunctionalInterface
public interface RunListener {
    void println(String line);

    /**
     * The run's master and workers now exist: {@code state} is what to persist to {@link LoadTestRunner#resume} the
     * run should this process die before it ends. Called once per run, on the runner's thread, before the start
     * gate; not called for a resumed run (its state is already known).
     */
    default void started(ResumeState state) {}
}

package io.jenkins.plugins.locust.jenkins.steps;

import io.jenkins.plugins.locust.local.LocalBackend;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunListener;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Jenkins-free part of one {@code loadTest} invocation: the spec from the step's arguments, the Locust
 * installation, the engine on the local backend, and the verdict. {@link LoadTestExecution} only adds the Jenkins
 * context around it, which keeps this part testable with real Locust processes.
 */
final class EngineRun {
    private final LoadTestSpec spec;
    private final Path outDir;
    private final Map<String, String> env;
    private final RunListener listener;

    /**
     * @param env where Python is looked up ({@code LOADTEST_PYTHON}, else {@code python3} on the PATH)
     * @throws io.jenkins.plugins.locust.spec.InvalidSpecException naming every bad argument, before anything starts
     */
    EngineRun(StepArguments arguments, Path workspace, Path outDir, Map<String, String> env, RunListener listener) {
        this.spec = SpecMapping.toSpec(arguments, workspace);
        this.outDir = outDir;
        this.env = Map.copyOf(env);
        this.listener = listener;
    }

    /** Runs the test to its end and returns the verdict; the engine removes every process it started. */
    VerdictStatus run() throws LoadTestException, InterruptedException {
        LocustInstallation locust = LocustInstallation.resolve(null, env, outDir);
        if (!locust.available()) {
            throw new LoadTestException(locust.describeProblem());
        }
        RunOutcome outcome = new LoadTestRunner(new LocalBackend(locust), listener).run(spec, outDir, Optional.empty());
        return outcome.verdict().status();
    }
}

package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunListener;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;

/** Carries out a validated spec and returns its outcome; the seam between the command line and the engine. */
interface RunLauncher {
    /**
     * @throws LoadTestException the run could not be carried out (exit code 2)
     */
    RunOutcome launch(LoadTestSpec spec, RunSettings settings, RunListener console)
            throws LoadTestException, InterruptedException;
}

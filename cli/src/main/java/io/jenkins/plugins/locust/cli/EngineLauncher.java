package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunListener;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;

/** Runs a spec with the engine's runner on the chosen backend. */
final class EngineLauncher implements RunLauncher {
    @Override
    public RunOutcome launch(LoadTestSpec spec, RunSettings settings, RunListener console) throws LoadTestException {
        throw new LoadTestException("this build has no load test engine yet");
    }
}

package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.kubernetes.KubernetesBackend;
import io.jenkins.plugins.locust.local.LocalBackend;
import io.jenkins.plugins.locust.local.LocalLimits;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.run.Backend;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunListener;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.PythonSyntaxCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs a spec with the engine's {@link LoadTestRunner} on the chosen backend. */
final class EngineLauncher implements RunLauncher {
    @Override
    public RunOutcome launch(LoadTestSpec spec, RunSettings settings, RunListener console)
            throws LoadTestException, InterruptedException {
        // A bad baseline must stop us before any load is generated.
        Optional<LoadTestResult> baseline = ResultFiles.baseline(settings.baseline());
        Backend backend =
                switch (settings.backend()) {
                    case local -> local(spec, settings.python(), settings.allowOversizedLocal());
                    case kubernetes ->
                        new KubernetesBackend(ClusterConnection.of(settings.kubeconfig(), settings.context()));
                };
        try (OutputLock lock = OutputLock.acquire(settings.outDir(), console)) {
            return new LoadTestRunner(backend, console).run(spec, settings.outDir(), baseline);
        }
    }

    private static Backend local(LoadTestSpec spec, String python, boolean allowOversized)
            throws LoadTestException, InterruptedException {
        LocustInstallation locust =
                LocustInstallation.resolve(python, System.getenv(), Path.of("").toAbsolutePath());
        if (!locust.available()) {
            throw new LoadTestException(locust.describeProblem());
        }
        // A syntax error is bad input: name the file and line before a master and workers print a traceback each.
        try {
            List<FieldError> syntax = PythonSyntaxCheck.check(spec, locust.python());
            if (!syntax.isEmpty()) {
                throw new InvalidSpecException(syntax);
            }
        } catch (IOException e) {
            // Locust itself reports the file when it loads it.
        }
        boolean allow =
                allowOversized || LocalLimits.fromEnvironment(System.getenv()).allowOversized();
        return new LocalBackend(locust, LocalLimits.ofThisMachine(allow, "--allow-oversized-local"));
    }
}

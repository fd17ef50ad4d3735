package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.RemoteOutputStream;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.local.LocalBackend;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * The local backend on the node that holds the workspace (an agent, or the controller): validates the parameters
 * against the workspace there, finds Python and Locust there ({@code LOADTEST_PYTHON} from the build's environment,
 * else the workspace's {@code .venv}, else {@code python3}), runs master and workers as processes there, streams the
 * console lines into the build log, and brings the verdict and the report files back. Interrupting the caller (an
 * abort) interrupts this run through the agent channel; the runner then removes every process it started.
 */
final class AgentRun extends MasterToSlaveFileCallable<AgentRun.Outcome> {
    private static final long serialVersionUID = 1L;

    private final StepParameters parameters;
    /** The step's env entries and the build's environment: sent to the agent for this run only, never persisted. */
    private final ArrayList<String> env;

    private final HashMap<String, String> buildEnv;
    private final String runId;
    private final TaskListener listener;
    /** The baseline build's result.json, for relative thresholds; null without a baseline. */
    @CheckForNull
    private final String baseline;
    /** Where the reporter's snapshots go, one line each: back to the controller's live view. */
    private final RemoteOutputStream live;

    AgentRun(
            StepParameters parameters,
            List<String> env,
            Map<String, String> buildEnv,
            String runId,
            TaskListener listener,
            @CheckForNull String baseline,
            RemoteOutputStream live) {
        this.parameters = parameters;
        this.env = new ArrayList<>(env);
        this.buildEnv = new HashMap<>(buildEnv);
        this.runId = runId;
        this.listener = listener;
        this.baseline = baseline;
        this.live = live;
    }

    /** The verdict and the run's report files (result.json, report.html, junit.xml, Locust's CSV files). */
    public static final class Outcome implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String status;
        private final LinkedHashMap<String, byte[]> files;

        Outcome(VerdictStatus status, LinkedHashMap<String, byte[]> files) {
            this.status = status.name();
            this.files = files;
        }

        VerdictStatus status() {
            return VerdictStatus.valueOf(status);
        }

        /** Writes the report files into {@code folder}. */
        void writeTo(Path folder) throws IOException {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
        }
    }

    @Override
    public Outcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        LoadTestSpec spec;
        try {
            spec = SpecMapping.toSpec(parameters, workspace.toPath(), env, buildEnv);
        } catch (InvalidSpecException e) {
            throw new AbortException(Messages.LoadTest_Problem(e.getMessage()));
        }
        Path outDir = Files.createTempDirectory("loadtest-" + runId);
        try {
            LocustInstallation locust = LocustInstallation.resolve(null, buildEnv, workspace.toPath());
            if (!locust.available()) {
                throw new AbortException(
                        Messages.AgentRun_NoLocust(locust.describeProblem(), LocustInstallation.PYTHON_ENV));
            }
            Optional<LoadTestResult> base = baseline == null
                    ? Optional.empty()
                    : Optional.of(ResultJson.read(
                            new ByteArrayInputStream(baseline.getBytes(StandardCharsets.UTF_8)),
                            "the baseline build's result.json"));
            RunOutcome outcome = new LoadTestRunner(
                            new LocalBackend(locust), new ConsoleAndLive(listener.getLogger(), this::sendLive))
                    .run(runId, spec, outDir, base);
            return new Outcome(outcome.verdict().status(), reportFiles(outDir));
        } catch (InvalidSpecException | LoadTestException e) {
            throw new AbortException(Messages.LoadTest_Problem(e.getMessage()));
        } finally {
            delete(outDir);
        }
    }

    /** One snapshot to the controller's live view; a lost point costs the live view only, never the run. */
    private void sendLive(Snapshot snapshot) {
        try {
            live.write(LiveFeed.line(snapshot).getBytes(StandardCharsets.UTF_8));
            live.flush();
        } catch (IOException e) {
            // the live view misses a point
        }
    }

    private static LinkedHashMap<String, byte[]> reportFiles(Path outDir) throws IOException {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(outDir)) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

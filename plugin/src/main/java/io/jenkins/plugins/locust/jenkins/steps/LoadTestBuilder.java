package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.locust.jenkins.Messages;
import java.io.IOException;
import java.time.Duration;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The load test as a freestyle build step: the same parameters as the {@code loadTest} step (its form, help and
 * checks, as a nested {@link LoadTestStep}), run the same way, with the same build action; the build waits for it.
 * A failure-level breach fails the build, an unstable one marks it UNSTABLE.
 */
public class LoadTestBuilder extends Builder implements SimpleBuildStep {
    /** How long an aborted build waits for the test to remove what it started. */
    static final Duration STOP_WAIT = Duration.ofMinutes(2);

    private final LoadTestStep test;

    private transient Clusters clusters;

    @DataBoundConstructor
    public LoadTestBuilder(LoadTestStep test) {
        this.test = test;
    }

    public LoadTestStep getTest() {
        return test;
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        BuildContext context = new BuildContext(run, workspace, env, listener);
        LoadTestExecution execution = new LoadTestExecution(
                context, test.parameters(), test.getEnv(), clusters == null ? Clusters.fromConfiguration() : clusters);
        try {
            execution.start();
            context.await();
        } catch (InterruptedException aborted) {
            try {
                execution.stop(new AbortException(Messages.LoadTestBuilder_Aborted()));
            } catch (Exception e) {
                aborted.addSuppressed(e);
            }
            context.awaitStopped(STOP_WAIT);
            throw aborted;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** Tests stand in for the global configuration, which needs a running Jenkins. */
    void useClusters(Clusters testClusters) {
        this.clusters = testClusters;
    }

    /** The descriptor of the freestyle step. */
    @Extension
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LoadTestBuilder_DisplayName();
        }
    }
}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (SimpleBuildStep). Compile-only stub.
package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;
import java.util.Collection;

/** A build step that runs in freestyle projects and through Pipeline's {@code step}; override the 5-argument perform. */
public interface SimpleBuildStep extends BuildStep {
    default void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stub");
    }

    default boolean requiresWorkspace() {
        return true;
    }

    /** A build action whose project actions core's LastBuildActionFactory puts on the job (from the last successful build). */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}

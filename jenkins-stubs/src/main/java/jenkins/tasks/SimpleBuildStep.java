// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (SimpleBuildStep). Compile-only stub.
package jenkins.tasks;

import hudson.model.Action;
import java.util.Collection;

/**
 * Only the nested {@link LastBuildAction} is used (the real interface extends {@code BuildStep} and has abstract
 * members; nothing here implements it, so they are left out).
 */
public interface SimpleBuildStep {
    /** A build action whose project actions core's LastBuildActionFactory puts on the job (from the last successful build). */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}

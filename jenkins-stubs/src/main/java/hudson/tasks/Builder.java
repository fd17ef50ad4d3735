// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Builder). Compile-only stub.
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** A freestyle build step that builds; subclasses implement {@code SimpleBuildStep.perform}. */
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }
}

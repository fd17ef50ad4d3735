// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (GlobalConfiguration). Compile-only stub.
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A section of Manage Jenkins » System. {@code load()} and {@code save()} really live on {@link Descriptor}; declaring
 * them here links the same way (reference §1 rule 12). {@code configure} binds the form through the data-bound setters.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {}

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Binds the submitted section through the data-bound setters ({@code req.bindJSON(this, json)}). The real method
     * also declares {@code throws Descriptor.FormException}, left out here (an override may throw less).
     */
    public boolean configure(StaplerRequest2 req, JSONObject json) {
        throw new UnsupportedOperationException("stub");
    }

    /** Reads {@code $JENKINS_HOME/<id>.xml} into this object's fields (declared on Descriptor). */
    public synchronized void load() {
        throw new UnsupportedOperationException("stub");
    }

    /** Writes this object's non-transient fields to {@code $JENKINS_HOME/<id>.xml} (declared on Descriptor). */
    public synchronized void save() {
        throw new UnsupportedOperationException("stub");
    }
}

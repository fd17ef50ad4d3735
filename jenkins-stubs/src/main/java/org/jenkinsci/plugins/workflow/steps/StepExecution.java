// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233 (StepExecution). Compile-only stub.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** One running invocation of a step; serialized with the Pipeline program so that it can resume after a restart. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    @Deprecated
    protected StepExecution() {}

    protected StepExecution(@NonNull StepContext context) {}

    @NonNull
    public StepContext getContext() {
        throw new UnsupportedOperationException("stub");
    }

    /** Returns true if the step completed synchronously (after calling onSuccess or onFailure). */
    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public void onResume() {
        throw new UnsupportedOperationException("stub");
    }

    @CheckForNull
    public String getStatus() {
        throw new UnsupportedOperationException("stub");
    }
}

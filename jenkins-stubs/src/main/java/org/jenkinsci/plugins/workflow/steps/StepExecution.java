// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233 (StepExecution). Compile-only stub.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * One running invocation of a step; serialized with the Pipeline program so that it can resume after a restart. The
 * bodies are the real ones (a few lines each): the context is a serialized field, as in the real class, so that tests
 * drive an execution through start, stop and a serialization round trip exactly as Pipeline does.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private StepContext context;

    @Deprecated
    protected StepExecution() {}

    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    @NonNull
    public StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("you must either pass in a StepContext to the StepExecution constructor,"
                    + " or have the StepExecution be created automatically");
        }
        return context;
    }

    /** Returns true if the step completed synchronously (after calling onSuccess or onFailure). */
    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }

    public void onResume() {}

    @CheckForNull
    public String getStatus() {
        return null;
    }

    /** Whether a restart must wait for this step (true while it does active work on a background thread). */
    public boolean blocksRestart() {
        return false;
    }
}

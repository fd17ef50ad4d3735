// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233 (BodyExecutionCallback). Compile-only
// stub.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Told when a step's body completes; part of the {@link BodyInvoker} signature. */
public abstract class BodyExecutionCallback implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}

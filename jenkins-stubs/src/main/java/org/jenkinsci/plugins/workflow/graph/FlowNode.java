// Mirrors org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_ (FlowNode). Compile-only stub.
package org.jenkinsci.plugins.workflow.graph;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;

/**
 * One node of a Pipeline's flow graph; the step's node is {@code StepContext.get(FlowNode.class)}. The real class
 * extends {@code Actionable}; {@code addOrReplaceAction} is declared here as {@code Run} declares {@code getAction}.
 * The no-argument constructor exists only for test doubles (the real ones take the FlowExecution, which nothing here
 * uses); the plugin never constructs a node.
 */
public abstract class FlowNode {
    protected FlowNode() {}

    /** Really on {@code Actionable}: replaces an action of the same class, else adds it; true when it changed. */
    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stub");
    }

    protected abstract String getTypeDisplayName();
}

package io.jenkins.plugins.locust.jenkins.steps;

import hudson.model.Action;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** A step's flow node that keeps its actions, as Actionable does (one per class with addOrReplaceAction). */
final class TestFlowNode extends FlowNode {
    final List<Action> actions = new CopyOnWriteArrayList<>();

    @Override
    public boolean addOrReplaceAction(Action a) {
        actions.removeIf(existing -> existing.getClass() == a.getClass());
        actions.add(a);
        return true;
    }

    @Override
    protected String getTypeDisplayName() {
        return "loadTest";
    }
}

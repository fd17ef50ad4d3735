package io.jenkins.plugins.locust.jenkins.steps;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.jenkins.actions.LoadTestReports;
import io.jenkins.plugins.locust.threshold.Breaches;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.Verdict;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Ends the step with the verdict: a passed run returns its map; an unstable one marks the build and the stage
 * UNSTABLE (a WarningAction on the step's node, as the {@code unstable} step does) and returns its map; a failed one
 * fails the step naming the breached thresholds.
 */
final class StepCompletion {
    private StepCompletion() {}

    static void complete(StepContext context, LoadTestReports.Published published) {
        Verdict verdict = published.verdict();
        Object url = published.value().get("reportUrl");
        switch (verdict.status()) {
            case PASSED -> context.onSuccess(published.value());
            case UNSTABLE -> {
                context.setResult(Result.UNSTABLE);
                markStage(context, unstableMessage(verdict));
                context.onSuccess(published.value());
            }
            case FAILED -> context.onFailure(new AbortException(failedMessage(verdict, url)));
        }
    }

    static String failedMessage(Verdict verdict, Object reportUrl) {
        String breaches = Breaches.describe(verdict, Severity.FAILURE);
        return reportUrl == null
                ? Messages.StepCompletion_Failed(breaches)
                : Messages.StepCompletion_FailedWithReport(breaches, reportUrl);
    }

    static String unstableMessage(Verdict verdict) {
        return Messages.StepCompletion_Unstable(Breaches.describe(verdict, Severity.UNSTABLE));
    }

    private static void markStage(StepContext context, String message) {
        try {
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
            }
        } catch (Exception e) {
            // the build is UNSTABLE all the same; only the stage's colour is missing
        }
    }
}

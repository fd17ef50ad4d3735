// Mirrors org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_ (WarningAction). Compile-only stub.
package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Result;

/**
 * Marks a flow node (and so its stage) with a result worse than SUCCESS, as the {@code unstable} step does. Behaves
 * like the real class (a plain value), so tests can read what the plugin put on a node.
 */
public class WarningAction implements Action {
    private final Result result;

    @CheckForNull
    private String message;

    public WarningAction(@NonNull Result result) {
        this.result = result;
    }

    public WarningAction withMessage(String message) {
        this.message = message;
        return this;
    }

    @CheckForNull
    public String getMessage() {
        return message;
    }

    @NonNull
    public Result getResult() {
        return result;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}

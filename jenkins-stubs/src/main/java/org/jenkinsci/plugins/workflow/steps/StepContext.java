// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:710.v3e456cc85233 (StepContext). Compile-only stub.
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/**
 * An abstract class (not an interface) in workflow-step-api. {@code onFailure(Throwable)} is inherited from Guava's
 * {@link FutureCallback}. Every abstract member of the real class is declared, so that a test double compiled
 * against this stub also compiles against the real API.
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Erasure {@code (Ljava/lang/Class;)Ljava/lang/Object;}. */
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(@Nullable Object result);

    public abstract boolean isReady();

    public abstract ListenableFuture<Void> saveState();

    /** Can only make the build result worse (for example {@code Result.UNSTABLE}). */
    public abstract void setResult(Result r);

    /** For block-scoped steps; throws {@link IllegalStateException} when the step has no body. */
    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    /** The real default body: whether {@link #newBodyInvoker()} works. */
    public boolean hasBody() {
        try {
            newBodyInvoker();
            return true;
        } catch (IllegalStateException x) {
            return false;
        }
    }

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();
}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Run). Compile-only stub.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;

/** A build. {@code getAction} really lives on {@code Actionable}; declaring it here links the same way. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    protected Run() {}

    /** The build folder on the controller ({@code $JENKINS_HOME/jobs/<job>/builds/<n>}). */
    @NonNull
    public File getRootDir() {
        throw new UnsupportedOperationException("stub");
    }

    /** The build number. */
    public int getNumber() {
        throw new UnsupportedOperationException("stub");
    }

    /** {@code job/full/name#42}: the job's full name and the build number, unique on this controller. */
    @NonNull
    public String getExternalizableId() {
        throw new UnsupportedOperationException("stub");
    }

    /** Erasure {@code (Ljava/lang/Class;)Lhudson/model/Action;}: the bound is part of the descriptor. */
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }
}

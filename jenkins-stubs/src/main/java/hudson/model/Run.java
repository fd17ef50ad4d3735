// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Run). Compile-only stub.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.util.List;

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

    /** Erasure {@code ()Lhudson/model/Job;}. */
    @NonNull
    public JobT getParent() {
        throw new UnsupportedOperationException("stub");
    }

    /** Erasure {@code ()Lhudson/model/Run;}: any state, including builds still running. */
    @CheckForNull
    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stub");
    }

    /** Relative to the context root, with a trailing slash: {@code job/foo/42/}. */
    @NonNull
    public String getUrl() {
        throw new UnsupportedOperationException("stub");
    }

    /** The result so far: null while the build runs and nothing set one. */
    @CheckForNull
    public Result getResult() {
        throw new UnsupportedOperationException("stub");
    }

    /** Sets the result; it can only get worse (SUCCESS → UNSTABLE → FAILURE). */
    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("stub");
    }

    /** Run's override of {@code Actionable.addAction}: also calls {@code RunAction2.onAttached}. */
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stub");
    }

    /** Really on {@code Actionable}; persistent and transient actions of this type. Erasure {@code (Class)List}. */
    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
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

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Job). Compile-only stub.
package hudson.model;

import java.util.Collection;
import java.util.SortedMap;

/**
 * A job; its type parameters give {@code Run} its erasures. Real supertypes are left out; the real abstract methods
 * are declared, so that a subclass compiled against the stub (a test double) is complete against core as well.
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    protected Job() {}

    public abstract boolean isBuildable();

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    protected abstract void removeRun(RunT run);

    /** Declared abstract in {@code AbstractItem}. */
    public abstract Collection<? extends Job> getAllJobs();

    /** Erasure {@code ()Lhudson/model/Run;}. */
    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stub");
    }

    /** Erasure {@code (I)Lhudson/model/Run;}; null if there is no such build. */
    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("stub");
    }

    /** Declared final on {@code AbstractItem}: relative to the context root, like {@code job/foo/}. */
    public final String getUrl() {
        throw new UnsupportedOperationException("stub");
    }
}

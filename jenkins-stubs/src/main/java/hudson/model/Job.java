// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Job). Compile-only stub.
package hudson.model;

/** A job: its type parameters (they give {@code Run} its erasures) and the build look-ups used. Real supertypes are left out. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    protected Job() {}

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

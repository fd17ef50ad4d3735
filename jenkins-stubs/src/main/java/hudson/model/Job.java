// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Job). Compile-only stub.
package hudson.model;

/** A job; only its type parameters matter here (they give {@code Run} its erasures). Real supertypes are left out. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    protected Job() {}
}

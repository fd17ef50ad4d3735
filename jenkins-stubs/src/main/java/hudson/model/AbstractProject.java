// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (AbstractProject). Compile-only stub.
package hudson.model;

/** A freestyle-like project; only named in signatures ({@code isApplicable}, BuildStep). */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
        extends Job<P, R> {
    protected abstract Class<R> getBuildClass();
}

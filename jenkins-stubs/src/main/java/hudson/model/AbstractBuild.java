// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (AbstractBuild). Compile-only stub.
package hudson.model;

/** A build of an {@link AbstractProject}; only named in signatures. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {}

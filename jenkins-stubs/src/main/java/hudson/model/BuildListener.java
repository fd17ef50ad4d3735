// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (BuildListener). Compile-only stub.
package hudson.model;

/** The log of a freestyle build. */
public interface BuildListener extends TaskListener {}

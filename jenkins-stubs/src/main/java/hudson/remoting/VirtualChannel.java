// Mirrors org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f, in core 2.541.3 (VirtualChannel). Compile-only stub.
package hudson.remoting;

/** The channel to a node; only named in {@code FileCallable.invoke}'s signature. */
public interface VirtualChannel {}

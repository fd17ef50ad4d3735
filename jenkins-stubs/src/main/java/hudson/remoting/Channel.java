// Mirrors org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f, in core 2.541.3 (Channel). Compile-only stub.
package hudson.remoting;

/** The remoting channel to an agent; only named in {@code Launcher.launchChannel}'s signature. */
public class Channel implements VirtualChannel {
    protected Channel() {}
}

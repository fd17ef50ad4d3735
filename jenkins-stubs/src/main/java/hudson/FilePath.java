// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (FilePath). Compile-only stub.
package hudson;

/** A file or directory on the controller or an agent; final in core. The step reads its workspace path. */
public final class FilePath {
    private FilePath() {}

    /** The path on the node that holds it. */
    public String getRemote() {
        throw new UnsupportedOperationException("stub");
    }

    /** Whether the file is on an agent rather than on the controller. */
    public boolean isRemote() {
        throw new UnsupportedOperationException("stub");
    }
}

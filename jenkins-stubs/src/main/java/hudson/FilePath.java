// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (FilePath). Compile-only stub.
package hudson;

/** A file or directory on the controller or an agent; final in core. Used here only as a step context key. */
public final class FilePath {
    private FilePath() {}
}

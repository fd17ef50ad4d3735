// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Result). Compile-only stub.
package hudson.model;

import java.io.Serializable;

/** A build result; final in core. The constants are objects (null here), so they compile to getstatic. */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = null;
    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;

    private Result() {}
}

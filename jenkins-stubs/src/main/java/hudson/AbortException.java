// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (AbortException). Compile-only stub.
package hudson;

import java.io.IOException;

/** A "polite" failure: Jenkins prints only the message, without a stack trace. */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {}

    public AbortException(String message) {
        super(message);
    }
}

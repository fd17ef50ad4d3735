// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Secret). Compile-only stub.
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** A confidential value, stored encrypted. Its constructors are package-private in core. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {}

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("stub");
    }

    /** The plain text, or {@code ""} for null. */
    @NonNull
    public static String toString(@CheckForNull Secret s) {
        throw new UnsupportedOperationException("stub");
    }
}

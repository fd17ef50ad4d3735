// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (ACL). Compile-only stub.
package hudson.security;

import org.springframework.security.core.Authentication;

/** Access control. Only the SYSTEM identity is used, to list credentials on the admin-only configuration page. */
public abstract class ACL {
    /** An object constant: compiles to {@code getstatic}, never inlined. Never null in Jenkins (nor for SpotBugs). */
    public static final Authentication SYSTEM2 = onlyInJenkins();

    protected ACL() {}

    private static Authentication onlyInJenkins() {
        throw new UnsupportedOperationException("stub");
    }
}

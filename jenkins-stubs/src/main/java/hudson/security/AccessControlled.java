// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (AccessControlled). Compile-only stub.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/** An object guarded by permissions; the permission checks are default methods in core. */
public interface AccessControlled {
    default void checkPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stub");
    }

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stub");
    }
}

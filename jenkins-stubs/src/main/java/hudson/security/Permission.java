// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Permission). Compile-only stub.
package hudson.security;

/** A permission; final in core. Only used through the constants of {@code Item} and {@code Jenkins}. */
public final class Permission {
    private Permission() {}
}

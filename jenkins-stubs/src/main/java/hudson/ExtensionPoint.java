// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (ExtensionPoint). Compile-only stub.
package hudson;

/** Marker for types that can be contributed as extensions. */
public interface ExtensionPoint {}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (ModelObject). Compile-only stub.
package hudson.model;

/** An object with a display name. */
public interface ModelObject {
    String getDisplayName();
}

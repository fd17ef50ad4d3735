// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Describable). Compile-only stub.
package hudson.model;

/** A configurable object with a {@link Descriptor}. {@code getDescriptor()} is a default method since core 2.505. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Descriptor). Compile-only stub.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Metadata and form handling for a {@link Describable}; the no-argument constructor infers the enclosing class. */
public abstract class Descriptor<T extends Describable<T>> {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    protected Descriptor() {
        this.clazz = null;
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }
}

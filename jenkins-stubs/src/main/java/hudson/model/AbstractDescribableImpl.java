// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (AbstractDescribableImpl). Compile-only stub.
package hudson.model;

/** Empty and deprecated since core 2.505; {@code Step} still extends it. */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}

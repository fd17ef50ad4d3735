// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Action). Compile-only stub.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Something attached to a model object (build, job). The post-2.541.3 default methods are left out on purpose. */
public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}

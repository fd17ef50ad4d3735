// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Item). Compile-only stub.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** A job or folder. Its permission fields are objects (null here), so they compile to getstatic, never inlined. */
public interface Item extends AccessControlled {
    Permission CONFIGURE = null;
}

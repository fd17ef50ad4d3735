// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Jenkins). Compile-only stub.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/** The controller's root object. Only the plugin's facade class may call {@link #get()}. */
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = null;

    protected Jenkins() {}

    @NonNull
    public static Jenkins get() {
        throw new UnsupportedOperationException("stub");
    }
}

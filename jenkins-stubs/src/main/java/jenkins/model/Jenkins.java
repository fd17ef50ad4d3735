// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Jenkins). Compile-only stub.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The controller's root object. Only the plugin's facade class may call {@link #get()}. */
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = null;

    protected Jenkins() {}

    /** The identity of the current thread, else anonymous; the real body (core's anonymous token is a constant). */
    @NonNull
    public static Authentication getAuthentication2() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) {
            a = new AnonymousAuthenticationToken(
                    "anonymous", "anonymous", List.of(new SimpleGrantedAuthority("anonymous")));
        }
        return a;
    }

    @NonNull
    public static Jenkins get() {
        throw new UnsupportedOperationException("stub");
    }
}

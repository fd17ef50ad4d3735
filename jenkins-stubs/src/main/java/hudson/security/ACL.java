// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (ACL). Compile-only stub.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Access control; the plugin impersonates, and lists credentials as SYSTEM on the admin-only configuration page.
 * {@link #as2} has the real body (core uses its own non-serializable SecurityContext class where this uses Spring's
 * plain one); {@link #SYSTEM2} is built as core builds it.
 */
public abstract class ACL {
    /** An object constant: compiles to {@code getstatic}, never inlined. */
    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");

    @NonNull
    public static ACLContext as2(@NonNull Authentication auth) {
        final ACLContext context = new ACLContext(SecurityContextHolder.getContext());
        SecurityContextHolder.setContext(new SecurityContextImpl(auth));
        return context;
    }
}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (ACLContext). Compile-only stub.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Restores the previous identity when closed. The real body. */
public class ACLContext implements AutoCloseable {
    @NonNull
    private final SecurityContext previousContext;

    ACLContext(@NonNull SecurityContext previousContext) {
        this.previousContext = previousContext;
    }

    @Override
    public void close() {
        SecurityContextHolder.setContext(previousContext);
    }
}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (MasterToSlaveFileCallable). Compile-only stub.
package jenkins;

import hudson.FilePath;

/**
 * A file callable the controller may send to an agent. In core it implements {@code ControllerToAgentFileCallable},
 * which extends {@link FilePath.FileCallable} and implements {@code checkRoles}.
 */
public abstract class MasterToSlaveFileCallable<T> implements FilePath.FileCallable<T> {
    private static final long serialVersionUID = 1L;
}

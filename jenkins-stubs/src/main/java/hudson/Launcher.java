// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Launcher). Compile-only stub.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Starts processes on a node; a freestyle step's {@code perform} is given one. The plugin starts its processes
 * itself (through the workspace's channel), so only the type and its abstract methods are declared.
 */
public abstract class Launcher {
    protected Launcher(@NonNull TaskListener listener, @CheckForNull VirtualChannel channel) {}

    public abstract Proc launch(@NonNull ProcStarter starter) throws IOException;

    public abstract Channel launchChannel(
            @NonNull String[] cmd,
            @NonNull OutputStream out,
            @CheckForNull FilePath workDir,
            @NonNull Map<String, String> envVars)
            throws IOException, InterruptedException;

    public abstract void kill(Map<String, String> modelEnvVars) throws IOException, InterruptedException;

    /** The fluent process builder (an inner class in core). */
    public final class ProcStarter {
        private ProcStarter() {}
    }
}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (FilePath). Compile-only stub.
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

/**
 * A file or directory on the controller or an agent; final in core. The step reads its workspace through
 * {@link #act}: on an agent the callable runs there. This stub models the local case only, with the real bodies
 * (a local path runs the callable in this JVM), so that tests drive the same code path as a controller workspace.
 */
public final class FilePath implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String remote;

    /** A path on the machine where the constructor runs. */
    public FilePath(@NonNull File localPath) {
        this.remote = localPath.getPath();
    }

    /** The path on the node that holds it. */
    public String getRemote() {
        return remote;
    }

    /** Whether the file is on an agent rather than on the controller. */
    public boolean isRemote() {
        return false;
    }

    /** Runs {@code callable} on the node that holds this file (here: locally, as the real class does for local paths). */
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        return callable.invoke(new File(remote), null);
    }

    /** Work sent to the node holding a file. Real supertypes: Serializable and RoleSensitive. */
    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (Proc). Compile-only stub.
package hudson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A process started by a {@link Launcher}; only named in Launcher's abstract methods. */
public abstract class Proc {
    protected Proc() {}

    public abstract boolean isAlive() throws IOException, InterruptedException;

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;

    public abstract InputStream getStdout();

    public abstract InputStream getStderr();

    public abstract OutputStream getStdin();
}

// Mirrors org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f, in core 2.541.3 (RemoteOutputStream). Compile-only stub.
package hudson.remoting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * An output stream that, sent to an agent inside a callable, writes back to {@code core} on the controller. Used
 * where nothing is sent (the callable runs in the same JVM), it writes to {@code core} directly, as here.
 */
public final class RemoteOutputStream extends OutputStream implements Serializable {
    private static final long serialVersionUID = 1L;
    private final transient OutputStream core;

    public RemoteOutputStream(OutputStream core) {
        if (core == null) {
            throw new IllegalArgumentException();
        }
        this.core = core;
    }

    @Override
    public void write(int b) throws IOException {
        core.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        core.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        core.flush();
    }

    @Override
    public void close() throws IOException {
        core.close();
    }
}

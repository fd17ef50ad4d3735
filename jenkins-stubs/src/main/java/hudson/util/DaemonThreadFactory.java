// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (DaemonThreadFactory). Compile-only stub.
package hudson.util;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Daemon threads. The real body. */
public class DaemonThreadFactory implements ThreadFactory {
    private final ThreadFactory core;

    public DaemonThreadFactory() {
        this(Executors.defaultThreadFactory());
    }

    public DaemonThreadFactory(ThreadFactory core) {
        this.core = core;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = core.newThread(r);
        t.setDaemon(true);
        return t;
    }
}

// Mirrors org.jenkins-ci.main:jenkins-core:2.541.3 (ClassLoaderSanityThreadFactory). Compile-only stub.
package hudson.util;

import java.util.concurrent.ThreadFactory;

/** Gives new threads core's class loader instead of the creator's (e.g. a CPS thread's). The real body. */
public class ClassLoaderSanityThreadFactory implements ThreadFactory {
    private final ThreadFactory delegate;

    public ClassLoaderSanityThreadFactory(ThreadFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = delegate.newThread(r);
        t.setContextClassLoader(ClassLoaderSanityThreadFactory.class.getClassLoader());
        return t;
    }
}

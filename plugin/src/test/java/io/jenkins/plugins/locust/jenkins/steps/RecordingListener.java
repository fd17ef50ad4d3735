package io.jenkins.plugins.locust.jenkins.steps;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A build log: keeps every line, and who (which identity, which thread) printed it. */
final class RecordingListener implements TaskListener {
    private static final long serialVersionUID = 1L;

    final transient List<Authentication> printedAs = new CopyOnWriteArrayList<>();
    final transient List<ClassLoader> printedWithLoader = new CopyOnWriteArrayList<>();
    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8) {
        @Override
        public void println(String line) {
            printedAs.add(SecurityContextHolder.getContext().getAuthentication());
            printedWithLoader.add(Thread.currentThread().getContextClassLoader());
            super.println(line);
        }
    };

    @Override
    public PrintStream getLogger() {
        return logger;
    }

    String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}

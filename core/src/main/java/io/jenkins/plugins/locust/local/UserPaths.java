package io.jenkins.plugins.locust.local;

import io.jenkins.plugins.locust.run.BackendEvents;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows the user's own script folder where Locust prints the run's temporary copy of it, so a traceback such as
 * {@code File "/tmp/loadtest-run-…/locustfile.py", line 7} names the file the user can open.
 */
final class UserPaths implements BackendEvents {
    private final BackendEvents events;
    private final String workDir;
    private final String userDir;

    UserPaths(BackendEvents events, Path workDir, Path script) {
        this.events = events;
        this.workDir = workDir.toAbsolutePath().toString();
        Path absolute = script.toAbsolutePath();
        this.userDir = (Files.isDirectory(absolute) ? absolute : absolute.getParent()).toString();
    }

    @Override
    public void line(String source, String text) {
        events.line(source, text.replace(workDir, userDir));
    }

    @Override
    public void fault(String message, boolean fatal) {
        events.fault(message, fatal);
    }
}

package io.jenkins.plugins.locust.jenkins.steps;

import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What the step's ITs start from: a workspace with {@code perf/target_users.py}, a build folder, a loopback target. */
abstract class WorkspaceWithTarget {
    @TempDir
    Path workspace;

    @TempDir
    Path builds;

    TestTarget target;

    @BeforeEach
    void startTarget() throws IOException {
        TestLocustfiles.write(Files.createDirectories(workspace.resolve("perf")), TestLocustfiles.TARGET_USERS);
        target = TestTarget.start();
    }

    @AfterEach
    void stopTarget() throws InterruptedException {
        target.close();
    }
}

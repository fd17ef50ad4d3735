package io.jenkins.plugins.locust.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The locustfiles the ITs run, copied from core's test resources (also through the test-jar) into a folder. */
public final class TestLocustfiles {
    /** Users that call /fast, /slow and /flaky of a {@link TestTarget} with a short wait. */
    public static final String TARGET_USERS = "target_users.py";
    /** Users that only call /fail. */
    public static final String FAILING_USERS = "failing_users.py";
    /** Users that call /fast, with the locustfile's own load shape: 3 users for 5 s. */
    public static final String SHAPED_USERS = "shaped_users.py";
    /** A load shape of two users that never ends by itself. */
    public static final String ENDLESS_SHAPE = "endless_shape.py";
    /** A locustfile Python cannot compile. */
    public static final String SYNTAX_ERROR = "syntax_error.py";

    private TestLocustfiles() {}

    /** Writes the named locustfile into {@code dir} and returns its path. */
    public static Path write(Path dir, String name) throws IOException {
        try (InputStream in = TestLocustfiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test locustfile " + name);
            }
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}

package io.jenkins.plugins.locust.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locustfiles for tests. */
final class TestScripts {
    private TestScripts() {}

    /** Writes a minimal valid locustfile into {@code dir} and returns its path as a command-line argument. */
    static String locustfile(Path dir) throws IOException {
        Path file = dir.resolve("locustfile.py");
        Files.writeString(file, "from locust import HttpUser\nclass U(HttpUser):\n    pass\n");
        return file.toString();
    }
}

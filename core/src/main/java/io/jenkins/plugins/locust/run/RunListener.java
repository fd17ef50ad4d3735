package io.jenkins.plugins.locust.run;

/** The user's console: the build log in Jenkins, stderr in the CLI. Lines arrive already formatted. */
@FunctionalInterface
public interface RunListener {
    void println(String line);
}

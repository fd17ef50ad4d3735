package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.result.ResultSchemaException;
import io.jenkins.plugins.locust.run.LoadTestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads result.json files given on the command line, with messages that say which option and what to do. */
final class ResultFiles {
    private ResultFiles() {}

    static LoadTestResult read(String option, Path file) throws LoadTestException {
        if (!Files.isRegularFile(file)) {
            throw new LoadTestException(option + " " + file + ": no such file; give the result.json of a finished run");
        }
        try {
            return ResultJson.read(file);
        } catch (ResultSchemaException e) {
            // The message names the file and the field to fix.
            throw new LoadTestException(option + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoadTestException(
                    option + " " + file + ": not a readable result (" + e.getMessage()
                            + "); give the result.json a run wrote",
                    e);
        }
    }

    /** The baseline result, or empty without {@code --baseline} (relative thresholds are then skipped). */
    static Optional<LoadTestResult> baseline(Path file) throws LoadTestException {
        return file == null ? Optional.empty() : Optional.of(read("--baseline", file));
    }
}

package io.jenkins.plugins.locust.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles the Python files a run will load (the entry file and the local modules it imports) with a given Python,
 * without importing or running them: Python's {@code compile()} only parses. A syntax error is then an input error
 * naming the file and line before anything is launched, not a traceback from every worker.
 */
public final class PythonSyntaxCheck {
    private static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Prints one JSON line per file that does not compile. Never imports the files. */
    private static final String COMPILE =
            """
            import json, sys
            for path in sys.argv[1:]:
                try:
                    with open(path, "rb") as f:
                        compile(f.read(), path, "exec", dont_inherit=True)
                except SyntaxError as e:
                    print(json.dumps({"file": path, "line": e.lineno, "message": e.msg, "text": (e.text or "").strip()}))
                except ValueError as e:
                    print(json.dumps({"file": path, "line": None, "message": str(e), "text": ""}))
            """;

    private PythonSyntaxCheck() {}

    /**
     * @param python the Python that will run Locust (or one of the same version)
     * @return one error per file that does not compile, on the {@code script} field; empty when all compile
     * @throws IOException when that Python cannot be run; the caller says the syntax was not checked
     */
    public static List<FieldError> check(LoadTestSpec spec, Path python) throws IOException, InterruptedException {
        boolean folder = Files.isDirectory(spec.script());
        Path entry = folder ? spec.script().resolve(spec.locustfile()) : spec.script();
        List<Path> modules =
                LocustfileScan.scan(entry, folder ? spec.script() : null).modules();
        List<String> command = new ArrayList<>(List.of(python.toString(), "-I", "-c", COMPILE));
        modules.forEach(module -> command.add(module.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(python + " did not compile the script within " + TIMEOUT_SECONDS + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(python + " exited with " + process.exitValue() + ": " + text.strip());
        }
        Path base = folder ? spec.script() : spec.script().getParent();
        List<FieldError> errors = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode error = JSON.readTree(line);
            String file = base.relativize(Path.of(error.path("file").asText())).toString();
            String where = error.path("line").isNumber()
                    ? file + " line " + error.path("line").asInt()
                    : file;
            String code = error.path("text").asText("");
            errors.add(new FieldError(
                    "script",
                    spec.script().toString(),
                    "Python cannot compile " + where + ": "
                            + error.path("message").asText() + (code.isEmpty() ? "" : " (" + code + ")")
                            + "; fix the syntax error"));
        }
        return errors;
    }
}

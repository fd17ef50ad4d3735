package io.jenkins.plugins.locust.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python that may have Locust: the project venv, Debian's {@code /usr/bin/python3}, or what the user named.
 * Locust runs as {@code python -m locust}, so the same command works for a venv and for a system package.
 *
 * @param version the Locust version this Python imports, or empty when it has no Locust
 * @param problem why Locust is not usable (import error), or null
 */
public record LocustInstallation(Path python, Optional<LocustVersion> version, String problem) {
    public static final String PYTHON_ENV = "LOADTEST_PYTHON";
    public static final String VENV_PROPERTY = "locust.venv";
    private static final long PROBE_SECONDS = 60;

    /** Python resolved as the CLI does: the option, else {@code $LOADTEST_PYTHON}, else {@code .venv}, else python3. */
    public static LocustInstallation resolve(String pythonOption, Map<String, String> env, Path workingDir)
            throws InterruptedException {
        return probe(python(pythonOption, env, workingDir));
    }

    /** The Python as {@link #resolve} finds it, without asking it for Locust. */
    public static Path python(String pythonOption, Map<String, String> env, Path workingDir) {
        if (pythonOption != null && !pythonOption.isBlank()) {
            return Path.of(pythonOption);
        }
        String fromEnv = env.get(PYTHON_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path venvPython = workingDir.resolve(".venv/bin/python");
        return Files.isExecutable(venvPython) ? venvPython : Path.of("python3");
    }

    /** The venv the build points tests at (system property {@code locust.venv}), else {@code .venv}. */
    public static LocustInstallation forTests() throws InterruptedException {
        String venv = System.getProperty(VENV_PROPERTY, ".venv");
        return probe(Path.of(venv, "bin", "python"));
    }

    /**
     * Finds the Locust this Python would import and reads its version from the package metadata: importing Locust
     * takes about a second (it patches gevent), a second of every run's start (bench figure 2). Without metadata (a
     * source checkout on the path) it imports Locust after all. No Locust: the same error as the import's.
     */
    static final String PROBE_SCRIPT = String.join(
            "\n",
            "import sys, importlib.util, importlib.metadata as m",
            "if importlib.util.find_spec('locust') is None:",
            "    raise ModuleNotFoundError(\"No module named 'locust'\")",
            "try:",
            "    v = m.version('locust')",
            "except m.PackageNotFoundError:",
            "    import locust",
            "    v = locust.__version__",
            "sys.stdout.write('locust=' + v)");

    /** Asks this Python which Locust it imports. */
    public static LocustInstallation probe(Path python) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(python.toString(), "-c", PROBE_SCRIPT).redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new LocustInstallation(python, Optional.empty(), python + " did not answer within 60 s");
            }
            String text = new String(output, StandardCharsets.UTF_8).trim();
            int marker = text.lastIndexOf("locust=");
            if (process.exitValue() != 0 || marker < 0) {
                return new LocustInstallation(python, Optional.empty(), lastLine(text));
            }
            return new LocustInstallation(python, LocustVersion.parse(text.substring(marker + 7)), null);
        } catch (IOException e) {
            return new LocustInstallation(python, Optional.empty(), "cannot run " + python + ": " + e.getMessage());
        }
    }

    public boolean available() {
        return version.isPresent();
    }

    /** The command that starts Locust with this Python. */
    public List<String> command() {
        return List.of(python.toString(), "-m", "locust");
    }

    /** A sentence for the user when Locust is missing: what failed and how to fix it. */
    public String describeProblem() {
        return "Locust is not importable with " + python + " (" + problem + "). Install it (pip install locust, or"
                + " `make venv`), or name a Python that has it with --python or $" + PYTHON_ENV + ".";
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines.length == 0 || text.isBlank() ? "no output" : lines[lines.length - 1];
    }
}

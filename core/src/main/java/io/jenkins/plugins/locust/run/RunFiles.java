package io.jenkins.plugins.locust.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Stage;
import io.jenkins.plugins.locust.threshold.AbortRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files master and workers need side by side, by relative path: the user's locustfile (or every file of the
 * script folder), the reporter, its config (stages and abort rules) and the version fix for Debian's Locust.
 */
public final class RunFiles {
    public static final String REPORTER = "locust_loadtest_reporter.py";
    public static final String FIX = "locust_loadtest_fix.py";
    public static final String CONFIG = "locust_loadtest_reporter.json";
    private static final List<String> OURS = List.of(REPORTER, FIX, CONFIG);
    private static final String RESOURCES = "/io/jenkins/plugins/locust/reporter/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFiles() {}

    /** The files with the abort rules of the spec's thresholds (marked {@code abort}). */
    public static Map<String, byte[]> of(LoadTestSpec spec) throws LoadTestException {
        return of(spec, AbortRules.toJson(spec.thresholds()));
    }

    /**
     * @param abortRulesJson the JSON array of abort rules ({@code AbortRules.toJson(spec.thresholds())})
     * @throws LoadTestException when the script cannot be read or uses one of our file names
     */
    public static Map<String, byte[]> of(LoadTestSpec spec, String abortRulesJson) throws LoadTestException {
        Map<String, byte[]> files = new TreeMap<>(userFiles(spec.script()));
        for (String ours : OURS) {
            if (files.containsKey(ours)) {
                throw new LoadTestException("The script folder contains " + ours
                        + ", a name the load test uses for its own files: rename or remove it.");
            }
        }
        files.put(REPORTER, resource(REPORTER));
        files.put(FIX, resource(FIX));
        files.put(CONFIG, config(spec, abortRulesJson));
        return files;
    }

    /** The bundled Python file of that name (reporter or fix). */
    public static byte[] resource(String name) {
        try (InputStream in = RunFiles.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name + " in the core jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reporter's config: the start timeout (for the workers), the stages, the abort rules and, when the locustfile's own load shape drives the run,
     * its name and the most it may run ({@code own_shape}): Locust ignores {@code -t} next to a shape.
     */
    static byte[] config(LoadTestSpec spec, String abortRulesJson) throws LoadTestException {
        ObjectNode config = JSON.createObjectNode();
        // workers keep trying to reach a master that starts late (a node being added) this long
        config.put("start_timeout_seconds", spec.startTimeout().toSeconds());
        ArrayNode stageArray = config.putArray("stages");
        for (Stage stage : spec.stages()) {
            stageArray
                    .addObject()
                    .put("seconds", stage.duration().toMillis() / 1000.0)
                    .put("users", stage.users())
                    .put("spawn_rate", stage.spawnRate());
        }
        if (spec.hasOwnLoadShape()) {
            config.putObject("own_shape")
                    .put("name", spec.loadShape())
                    .put("limit_seconds", spec.runTime().toMillis() / 1000.0);
        }
        try {
            config.set("abort_rules", JSON.readTree(abortRulesJson == null ? "[]" : abortRulesJson));
            return JSON.writeValueAsString(config).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new LoadTestException("Internal error: the abort rules are not valid JSON: " + abortRulesJson, e);
        }
    }

    private static Map<String, byte[]> userFiles(Path script) throws LoadTestException {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (!Files.isDirectory(script)) {
                files.put(script.getFileName().toString(), Files.readAllBytes(script));
                return files;
            }
            try (Stream<Path> walk = Files.walk(script)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path relative = script.relativize(file);
                    if (!skipped(relative)) {
                        files.put(relative.toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new LoadTestException("Cannot read the script " + script + ": " + e.getMessage(), e);
        }
    }

    /**
     * Caches and hidden files (.git, editor files) are not part of the test: {@code relative} is a path inside the
     * script folder. Public so that the Jenkins step, which copies a script from an agent, ships the same files.
     */
    public static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("__pycache__") || name.endsWith(".pyc")) {
                return true;
            }
        }
        return false;
    }
}

package io.jenkins.plugins.locust.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the {@code make bench} table (docs/performance.md), written as {@code figure-<id>.json} for
 * tools/bench/table.py: the contract every figure follows, Python and Java alike.
 *
 * @param id the figure number, with a row suffix where a figure has several ({@code 4}, {@code 5-trend})
 * @param met whether the goal is met, null when the figure has no pass mark
 */
public record BenchFigure(
        String id,
        String name,
        double value,
        String unit,
        String spread,
        int runs,
        String goal,
        Boolean met,
        String detail) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Path write(Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("figure", Integer.parseInt(id.split("-")[0]));
        json.put("name", name);
        json.put("value", value);
        json.put("unit", unit);
        json.put("spread", spread);
        json.put("runs", runs);
        json.put("goal", goal);
        json.put("met", met);
        json.put("detail", detail);
        Files.createDirectories(dir);
        Path file = dir.resolve("figure-" + id + ".json");
        JSON.writeValue(file.toFile(), json);
        System.out.printf("figure %s: %s = %s %s (%s) — %s%n", id, name, value, unit, spread, detail);
        return file;
    }
}

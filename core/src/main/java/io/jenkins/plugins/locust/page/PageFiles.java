package io.jenkins.plugins.locust.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.locust.report.VerdictJson;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The report page's document in a run's folder ({@code page.json}, written once when the run ends, so that viewing a
 * report never re-reads the histograms), and the summary kept in build.xml as a short JSON string.
 */
public final class PageFiles {
    public static final String PAGE = "page.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PageFiles() {}

    /** Writes page.json through a temporary sibling, so a reader never sees half a file. */
    public static Path write(ReportPage page, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path partial = folder.resolve(PAGE + ".partial");
        Files.writeString(partial, PageJson.write(page), StandardCharsets.UTF_8);
        return Files.move(partial, folder.resolve(PAGE), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The thresholds and guard rails of a written page, as outcomes (for comparing two builds). */
    public static List<ThresholdOutcome> thresholds(Path folder) throws IOException {
        return VerdictJson.outcomes(
                MAPPER.readTree(folder.resolve(PAGE).toFile()).path("thresholds"));
    }

    /** The summary as build.xml keeps it. */
    public static String summaryJson(RunSummary summary) {
        return PageJson.write(summary);
    }

    /**
     * @throws IllegalArgumentException when the text is not a summary this version can read
     */
    public static RunSummary summary(String json) {
        try {
            return MAPPER.readValue(json, RunSummary.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a load test summary: " + e.getMessage(), e);
        }
    }
}

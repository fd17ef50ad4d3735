package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes everything a finished run leaves in its output folder: result.json, report.html, report.css, junit.xml. */
public final class ReportWriter {
    public static final String RESULT = "result.json";
    public static final String REPORT = "report.html";
    public static final String JUNIT = "junit.xml";

    private ReportWriter() {}

    /** @return the files written, in the order above */
    public static List<Path> writeAll(LoadTestResult result, Verdict verdict, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path json = outDir.resolve(RESULT);
        ResultJson.write(result, Map.of("verdict", verdictJson(verdict)), json);
        Path html =
                Files.writeString(outDir.resolve(REPORT), HtmlReport.render(result, verdict), StandardCharsets.UTF_8);
        Path css = outDir.resolve(HtmlReport.STYLESHEET);
        try (InputStream in = ReportWriter.class.getResourceAsStream(HtmlReport.STYLESHEET)) {
            if (in == null) {
                throw new IOException("report.css is missing from the core jar; rebuild it");
            }
            Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
        }
        Path junit = Files.writeString(outDir.resolve(JUNIT), JunitReport.render(verdict), StandardCharsets.UTF_8);
        return List.of(json, html, css, junit);
    }

    /** The verdict as result.json carries it: {@code status}, {@code guardRails[]} and {@code thresholds[]}. */
    static Map<String, Object> verdictJson(Verdict verdict) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", verdict.status());
        json.put("guardRails", verdict.guardRails());
        json.put("thresholds", verdict.outcomes());
        return json;
    }
}

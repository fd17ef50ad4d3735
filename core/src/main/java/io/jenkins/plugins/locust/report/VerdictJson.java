package io.jenkins.plugins.locust.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads back the verdict {@link ReportWriter} puts into result.json, and threshold rows of the same shape. */
public final class VerdictJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VerdictJson() {}

    /**
     * @throws IOException when the file cannot be read or has no verdict (a result written by another tool)
     */
    public static Verdict read(Path resultJson) throws IOException {
        JsonNode verdict = MAPPER.readTree(resultJson.toFile()).path("verdict");
        if (!verdict.path("status").isTextual()) {
            throw new IOException(resultJson + " has no verdict: it was not written by a load test run");
        }
        try {
            return new Verdict(
                    VerdictStatus.valueOf(verdict.path("status").asText()),
                    outcomes(verdict.path("guardRails")),
                    outcomes(verdict.path("thresholds")));
        } catch (IllegalArgumentException e) {
            throw new IOException(resultJson + " has a verdict this version cannot read: " + e.getMessage(), e);
        }
    }

    /** Threshold rows ({@code expression, actual, limit, status, severity, message}) as outcomes. */
    public static List<ThresholdOutcome> outcomes(JsonNode rows) {
        List<ThresholdOutcome> outcomes = new ArrayList<>();
        for (JsonNode row : rows) {
            outcomes.add(new ThresholdOutcome(
                    row.path("expression").asText(),
                    row.path("actual").isNull() ? null : row.path("actual").asText(null),
                    row.path("limit").isNull() ? null : row.path("limit").asText(null),
                    OutcomeStatus.valueOf(row.path("status").asText()),
                    Severity.valueOf(row.path("severity").asText()),
                    row.path("message").asText("")));
        }
        return outcomes;
    }
}

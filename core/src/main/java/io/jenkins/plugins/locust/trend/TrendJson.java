package io.jenkins.plugins.locust.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The JSON the Jenkins pages fetch for their charts and tables (never inline in the page: Jenkins' CSP). */
public final class TrendJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private TrendJson() {}

    public static String of(TrendModel model) {
        return write(model);
    }

    public static String of(Comparison comparison) {
        return write(comparison);
    }

    public static String of(RunSummary summary) {
        return write(summary);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of plain values cannot fail to serialise", e);
        }
    }
}

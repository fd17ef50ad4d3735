package io.jenkins.plugins.locust.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON the Jenkins pages fetch for their charts and tables (never inline in the page: Jenkins' CSP forbids it):
 * the report page, the live view, trends and comparisons. Records of plain values only.
 */
public final class PageJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PageJson() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of plain values cannot fail to serialise", e);
        }
    }
}

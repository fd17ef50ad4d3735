package io.jenkins.plugins.locust.threshold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live abort rules handed to the reporter on the master: a JSON array with one object per threshold marked
 * {@code abort} ({@code expression}, {@code metric}, {@code endpoint}, {@code op}, {@code limit}; see
 * {@link Threshold#abortRule()}).
 */
public final class AbortRules {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AbortRules() {}

    /**
     * @throws ThresholdSyntaxException if an expression is invalid
     */
    public static String toJson(List<String> expressions) {
        List<Map<String, Object>> rules = ThresholdParser.parseAll(expressions).stream()
                .map(Threshold::abortRule)
                .flatMap(Optional::stream)
                .toList();
        try {
            return JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("abort rules of plain values cannot fail to serialise: " + rules, e);
        }
    }
}

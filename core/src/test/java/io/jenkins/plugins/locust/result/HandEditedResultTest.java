package io.jenkins.plugins.locust.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-edited or partial result.json fails with a schema error naming the field, never with a NullPointerException
 * later or a "-2000.00 % failed PASSED" report, and never with Jackson's class names.
 */
class HandEditedResultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private ObjectNode example;

    @BeforeEach
    void readTheDocumentedExample() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "result-schema.md"));
        int start = page.indexOf("```json") + 7;
        example = (ObjectNode) JSON.readTree(page.substring(start, page.indexOf("```", start)));
    }

    private String errorFor(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode edited = example.deepCopy();
        edit.accept(edited);
        Path file = folder.resolve("result.json");
        Files.writeString(file, JSON.writeValueAsString(edited));
        ResultSchemaException e = catchThrowableOfType(ResultSchemaException.class, () -> ResultJson.read(file));
        assertThat(e).as("expected a schema error").isNotNull();
        assertThat(e.getMessage())
                .startsWith(file + ":")
                .doesNotContain("io.jenkins", "jackson", "Exception", "`", "through reference chain");
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void shouldNameANullSection() throws IOException {
        assertThat(errorFor(r -> r.putNull("aggregated"))).startsWith("aggregated is missing or null");
        assertThat(errorFor(r -> r.putNull("run"))).startsWith("run is missing or null");
        assertThat(errorFor(r -> r.remove("run"))).startsWith("run is missing or null");
        assertThat(errorFor(r -> r.putNull("endpoints")))
                .startsWith("endpoints is missing or null (write [] for none)");
        assertThat(errorFor(r -> r.putArray("endpoints").addNull())).startsWith("endpoints[0] is missing or null");
        assertThat(errorFor(r -> ((ObjectNode) r.get("aggregated")).putNull("percentiles")))
                .startsWith("aggregated.percentiles is missing or null");
    }

    @Test
    void shouldRefuseNegativeCountsAndMoreFailuresThanRequests() throws IOException {
        assertThat(errorFor(r -> ((ObjectNode) r.get("aggregated")).put("requests", -2)))
                .startsWith("aggregated.requests is -2, but it counts or measures something and is never negative");
        assertThat(errorFor(r -> ((ObjectNode) r.get("aggregated")).put("failures", 400)))
                .startsWith("aggregated.failures is 400, more than aggregated.requests (18)");
        assertThat(errorFor(r -> ((ObjectNode) r.withArray("endpoints").get(0)).put("failures", -1)))
                .startsWith("endpoints[0].failures is -1");
    }

    @Test
    void shouldSayTheSchemaVersionMustBeANumber() throws IOException {
        assertThat(errorFor(r -> r.put("schemaVersion", "1")))
                .isEqualTo("schemaVersion is \"1\", but it must be a whole number such as 1 (without quotes)");
    }

    @Test
    void shouldNameAFieldOfTheWrongTypeAndItsLine() throws IOException {
        assertThat(errorFor(r -> ((ObjectNode) r.get("aggregated")).put("requests", "many")))
                .matches("aggregated\\.requests must be a whole number, not \"many\" \\(line \\d+\\)\\. .*");
        assertThat(errorFor(r -> ((ObjectNode) r.get("timings")).put("launched", "yesterday")))
                .startsWith(
                        "timings.launched must be an ISO-8601 time such as 2026-12-03T07:39:24Z, not \"yesterday\"");
    }

    @Test
    void shouldSayAFileCutShortIsNotValidJson() throws IOException {
        Path file = folder.resolve("cut.json");
        String whole = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(example);
        Files.writeString(file, whole.substring(0, whole.length() / 2));

        ResultSchemaException e = catchThrowableOfType(ResultSchemaException.class, () -> ResultJson.read(file));

        assertThat(e.getMessage())
                .startsWith(file + " is not valid JSON (line ")
                .contains("cut short");
    }
}

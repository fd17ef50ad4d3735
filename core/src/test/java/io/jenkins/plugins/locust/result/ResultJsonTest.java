package io.jenkins.plugins.locust.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {
    @TempDir
    Path folder;

    @Test
    void shouldReadBackExactlyWhatItWrote() throws IOException {
        LoadTestResult result = ResultFixtures.realistic();
        Path file = folder.resolve("result.json");

        ResultJson.write(result, file);
        LoadTestResult read = ResultJson.read(file);

        assertThat(read).isEqualTo(result);
        assertThat(read.endpoints().get(1).histogram())
                .isEqualTo(result.endpoints().get(1).histogram());
        assertThat(read.timings().launched()).isEqualTo(result.timings().launched());
    }

    @Test
    void shouldWriteHistogramsAsMillisecondsToCountsAndInstantsAsIsoText() {
        LoadTestResult result = ResultFixtures.result(ResultFixtures.endpoint("GET", "/a", 0, 1, 5, 5, 147));

        String json = ResultJson.toJson(ResultFixtures.realistic());
        String small = ResultJson.toJson(result).replaceAll("\\s", "");

        assertThat(json).contains("\"schemaVersion\" : 1").contains("\"launched\" : \"2026-11-29T10:00:00Z\"");
        assertThat(small).contains("\"histogram\":{\"5\":2,\"150\":1}");
        assertThat(small)
                .contains("\"percentiles\":{\"p50\":5,\"p75\":150,\"p90\":150,\"p95\":150,\"p99\":150,\"p999\":150}");
    }

    @Test
    void shouldIgnoreFieldsAddedWithinTheSameSchemaVersion() throws IOException {
        Path file = folder.resolve("result.json");
        String json = ResultJson.toJson(ResultFixtures.realistic()).replaceFirst("\\{", "{\"addedLater\": [1, 2],");
        Files.writeString(file, json);

        assertThat(ResultJson.read(file)).isEqualTo(ResultFixtures.realistic());
    }

    @Test
    void shouldRefuseANewerSchemaSayingWhatToUpgrade() throws IOException {
        Path file = folder.resolve("result.json");
        Files.writeString(file, "{\"somethingNew\": {\"schemaVersion\": 1}, \"schemaVersion\": 2}");

        assertThatThrownBy(() -> ResultJson.read(new ByteArrayInputStream(Files.readAllBytes(file)), file.toString()))
                .isInstanceOf(ResultSchemaException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> ResultJson.read(file))
                .isInstanceOf(ResultSchemaException.class)
                .hasMessage(file + " uses result schema version 2, newer than this version reads (1): update the"
                        + " Locust Load Test plugin or CLI to read it");
    }

    @Test
    void shouldFindTheVersionAfterOtherFieldsAndLeaveNoPartialFile() throws IOException {
        Path file = folder.resolve("result.json");
        ResultJson.write(ResultFixtures.realistic(), file);
        String moved = Files.readString(file)
                .replaceFirst("\"schemaVersion\" : 1,", "")
                .replaceFirst("\\}\\s*$", ", \"schemaVersion\": 1 }");
        Files.writeString(file, moved);
        assertThat(moved.indexOf("\"schemaVersion\"")).isGreaterThan(moved.indexOf("\"warnings\""));

        assertThat(ResultJson.read(file)).isEqualTo(ResultFixtures.realistic());
        assertThat(folder.resolve("result.json.partial")).doesNotExist();
    }

    @Test
    void shouldRefuseAFileThatIsNoResult() throws IOException {
        Path file = folder.resolve("other.json");
        Files.writeString(file, "{\"name\": \"x\"}");

        assertThatThrownBy(() -> ResultJson.read(file))
                .isInstanceOf(ResultSchemaException.class)
                .hasMessage(file + " is not a load test result: it has no schemaVersion (expected 1)");
    }

    @Test
    void shouldReadTheDocumentedExample() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "result-schema.md"));
        String example = page.substring(page.indexOf("```json") + 7, page.indexOf("```", page.indexOf("```json") + 7));

        LoadTestResult result = ResultJson.read(
                new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)), "docs/result-schema.md");

        assertThat(result.endpoints()).hasSize(1);
        for (EndpointStats stats :
                List.of(result.aggregated(), result.endpoints().get(0))) {
            assertThat(stats.percentiles()).isEqualTo(Percentiles.of(stats.histogram()));
            assertThat(stats.histogram().total()).isEqualTo(stats.requests());
        }
        assertThat(result.aggregated().avgMs()).isCloseTo(13.17, Offset.offset(0.01));
        assertThat(ResultJson.read(
                        new ByteArrayInputStream(ResultJson.toJson(result).getBytes(StandardCharsets.UTF_8)), "again"))
                .isEqualTo(result);
    }
}

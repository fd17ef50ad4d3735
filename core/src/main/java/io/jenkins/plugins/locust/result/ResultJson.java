package io.jenkins.plugins.locust.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code result.json} (documented in docs/result-schema.md). The schema version is the major
 * version: additions within it are ignored by older readers; a file of a newer version is refused with a message
 * saying what to upgrade. Histograms are written as {@code {"ms": count}}, instants as ISO-8601 strings.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("locust-result")
                    .addSerializer(ResponseTimeHistogram.class, new HistogramSerializer())
                    .addDeserializer(ResponseTimeHistogram.class, new HistogramDeserializer())
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultJson() {}

    /** Writes to a temporary sibling first, so a reader never sees half a file (e.g. when a build is aborted). */
    public static void write(LoadTestResult result, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            write(result, out);
        }
        replace(partial, file);
    }

    private static void replace(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes the result with more top-level fields after its own, e.g. the verdict (which this model does not know:
     * results are judged again, with other thresholds, by {@code loadtest report}).
     */
    public static void write(LoadTestResult result, Map<String, ?> more, Path file) throws IOException {
        ObjectNode tree = MAPPER.valueToTree(result);
        more.forEach((name, value) -> tree.set(name, MAPPER.valueToTree(value)));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            MAPPER.writeValue(out, tree);
        }
        replace(partial, file);
    }

    public static void write(LoadTestResult result, OutputStream out) throws IOException {
        MAPPER.writeValue(out, result);
    }

    public static String toJson(LoadTestResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (IOException e) {
            throw new IllegalStateException("a result of plain values cannot fail to serialise", e);
        }
    }

    /**
     * Reads a result file in one streaming pass after checking its version (a large file is never held twice), then
     * checks what it holds.
     *
     * @throws ResultSchemaException if the file is not a result, was written by a newer schema, or was changed or cut
     *     short; the message names the field
     */
    public static LoadTestResult read(Path file) throws IOException {
        String source = file.toString();
        LoadTestResult result;
        try {
            checkVersion(schemaVersion(file), source);
            try (InputStream in = Files.newInputStream(file)) {
                result = MAPPER.readValue(in, LoadTestResult.class);
            }
        } catch (JsonProcessingException e) {
            throw ResultErrors.describe(e, source);
        }
        ResultCheck.check(result, source);
        return result;
    }

    /**
     * @throws ResultSchemaException if the text is not a result, was written by a newer schema, or was changed
     */
    public static LoadTestResult read(InputStream in, String source) throws IOException {
        LoadTestResult result;
        try {
            JsonNode tree = MAPPER.readTree(in);
            JsonNode version = tree == null ? null : tree.get("schemaVersion");
            checkVersion(
                    version == null ? null : new Version(version.isInt() ? version.asInt() : null, version.toString()),
                    source);
            result = MAPPER.treeToValue(tree, LoadTestResult.class);
        } catch (JsonProcessingException e) {
            throw ResultErrors.describe(e, source);
        }
        ResultCheck.check(result, source);
        return result;
    }

    /** The {@code schemaVersion} as found: a number, or the raw JSON of something else. */
    private record Version(Integer number, String raw) {}

    /** The top-level {@code schemaVersion}, streamed: it is the first field of every file we write. */
    private static Version schemaVersion(Path file) throws IOException {
        try (JsonParser json = MAPPER.getFactory().createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("schemaVersion")) {
                    return value == JsonToken.VALUE_NUMBER_INT
                            ? new Version(json.getIntValue(), json.getText())
                            : new Version(
                                    null,
                                    value == JsonToken.VALUE_STRING ? '"' + json.getText() + '"' : json.getText());
                }
                json.skipChildren();
            }
            return null;
        }
    }

    private static void checkVersion(Version version, String source) throws ResultSchemaException {
        if (version == null) {
            throw new ResultSchemaException(source + " is not a load test result: it has no schemaVersion (expected "
                    + LoadTestResult.SCHEMA_VERSION + ")");
        }
        if (version.number() == null || version.number() < 1) {
            throw new ResultSchemaException(source + ": schemaVersion is " + version.raw() + ", but it must be a whole"
                    + " number such as " + LoadTestResult.SCHEMA_VERSION + " (without quotes)");
        }
        if (version.number() > LoadTestResult.SCHEMA_VERSION) {
            throw new ResultSchemaException(source + " uses result schema version " + version.number()
                    + ", newer than this version reads (" + LoadTestResult.SCHEMA_VERSION
                    + "): update the Locust Load Test plugin or CLI to read it");
        }
    }

    private static final class HistogramSerializer extends JsonSerializer<ResponseTimeHistogram> {
        @Override
        public void serialize(ResponseTimeHistogram histogram, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            json.writeStartObject();
            for (Map.Entry<Long, Long> bucket : histogram.buckets().entrySet()) {
                json.writeNumberField(bucket.getKey().toString(), bucket.getValue());
            }
            json.writeEndObject();
        }
    }

    private static final class HistogramDeserializer extends JsonDeserializer<ResponseTimeHistogram> {
        private static final TypeReference<TreeMap<Long, Long>> BUCKETS = new TypeReference<>() {};

        @Override
        public ResponseTimeHistogram deserialize(JsonParser json, DeserializationContext context) throws IOException {
            return new ResponseTimeHistogram(
                    context.readValue(json, context.getTypeFactory().constructType(BUCKETS)));
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant instant, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(instant.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser json, DeserializationContext context) throws IOException {
            String text = json.getValueAsString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, Instant.class, "not an ISO-8601 time");
            }
        }
    }
}

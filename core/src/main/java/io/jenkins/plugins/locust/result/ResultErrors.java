package io.jenkins.plugins.locust.result;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Turns Jackson's exceptions about a result.json into a sentence for its user: the field path as written in the
 * file (e.g. {@code endpoints[2].requests}), what it must hold and the line, without Java class names.
 */
final class ResultErrors {
    private ResultErrors() {}

    static ResultSchemaException describe(JsonProcessingException e, String source) {
        String line = line(e.getLocation());
        Throwable syntax = e;
        while (syntax != null && !(syntax instanceof StreamReadException)) {
            syntax = syntax.getCause();
        }
        if (syntax instanceof StreamReadException read) {
            return new ResultSchemaException(source + " is not valid JSON" + line(read.getLocation()) + " ("
                    + read.getOriginalMessage() + "); it was changed or cut short: use the result.json a run wrote");
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String problem;
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            problem = (field.isEmpty() ? "" : field + ".") + cause.getMessage();
        } else if (e instanceof MismatchedInputException mismatch) {
            String value =
                    mismatch instanceof InvalidFormatException format ? ", not " + quoted(format.getValue()) : "";
            problem = (field.isEmpty() ? "the file" : field) + " must be " + expected(mismatch.getTargetType()) + value;
        } else {
            problem = (field.isEmpty() ? "the file" : field) + " cannot be read";
        }
        return new ResultSchemaException(
                source + ": " + problem + line + ". Fix the field, or use the result.json a run wrote.");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the documented type (docs/result-schema.md)";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Instant.class) {
            return "an ISO-8601 time such as 2026-12-03T07:39:24Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type == ResponseTimeHistogram.class) {
            return "an object of milliseconds to counts";
        }
        return "an object";
    }

    private static String quoted(Object value) {
        return value instanceof String text ? '"' + text + '"' : String.valueOf(value);
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }
}

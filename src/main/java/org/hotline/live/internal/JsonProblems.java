package org.hotline.live.internal;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.exercise.CommandRejected;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A client's JSON that could not be read, told in plain words: which field, and what it should be.
 * Never the library's message (it names Java classes) nor the client's own bytes.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** BAD_JSON when the text is not JSON at all, INVALID naming the field when a value has the wrong type. */
    static CommandRejected of(Throwable problem) {
        if (problem instanceof StreamReadException unreadable && !(problem instanceof MismatchedInputException)) {
            return new CommandRejected("BAD_JSON", "The body is not valid JSON" + where(unreadable));
        }
        if (problem instanceof MismatchedInputException mismatch) {
            String field = field(mismatch);
            String expected = expected(mismatch.getTargetType());
            if (field.isEmpty()) {
                return new CommandRejected("BAD_JSON", "The body must be " + expected);
            }
            return new CommandRejected("INVALID", field + ": must be " + expected);
        }
        if (problem instanceof JacksonException other && !field(other).isEmpty()) {
            return new CommandRejected("INVALID", field(other) + ": not a valid value");
        }
        return new CommandRejected("BAD_JSON", "The body must be a JSON object");
    }

    private static String where(StreamReadException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String field(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "")
                .filter(name -> !name.isEmpty())
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Stream.of(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text (a JSON string)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.") ? "a JSON object"
                : "a value of another type";
    }
}

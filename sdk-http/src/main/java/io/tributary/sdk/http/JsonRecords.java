package io.tributary.sdk.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tributary.sdk.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The objects of one JSON array, read one at a time with Jackson's streaming parser: memory holds one record,
 * not the document. The array is found by field names ({@code "$.data"}, {@code "/result/items"}, or
 * {@code ""} for a top-level array); fields before and after it are skipped unread. A missing or null array
 * gives no records. Single use, one thread; closing it closes the stream.
 *
 * <pre>{@code
 * try (JsonRecords rows = api.get("export").send().jsonRecords("$.data")) {
 *     for (Map<String, Object> row : rows) operations.upsert("event", row);
 * }
 * }</pre>
 */
public final class JsonRecords implements Iterable<Map<String, Object>>, AutoCloseable {
    private static final ObjectReader READER = Json.MAPPER.readerFor(Json.MAP);
    private final JsonParser parser;
    private final String path;
    private boolean started;
    private boolean positioned;
    private boolean finished;
    private Map<String, Object> next;
    private long index;

    private JsonRecords(JsonParser parser, String path) {
        this.parser = parser;
        this.path = path == null || path.isBlank() ? "$" : path;
    }

    public static JsonRecords of(InputStream in, String path) {
        try {
            return new JsonRecords(Json.MAPPER.getFactory().createParser(in), path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start reading JSON", e);
        }
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        if (started) {
            throw new IllegalStateException("JsonRecords streams its input once; read it with a single loop");
        }
        started = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (next == null && !finished) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public Map<String, Object> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map<String, Object> r = next;
                next = null;
                return r;
            }
        };
    }

    private Map<String, Object> read() {
        try {
            if (!positioned) {
                positioned = true;
                if (!moveToArray()) {
                    finished = true;
                    return null;
                }
            }
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                finished = true;
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new ConnectorException("element " + index + " of " + path + " is " + describe(t)
                        + ", not an object; only arrays of objects become records");
            }
            Map<String, Object> record = READER.readValue(parser);
            index++;
            return record;
        } catch (IOException e) {
            throw new ConnectorException("invalid JSON after " + index + " records of " + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** Walks down the path; false when it is missing or null. Leaves the parser on START_ARRAY. */
    private boolean moveToArray() throws IOException {
        JsonToken t = parser.nextToken();
        List<String> segments = Json.segments(path);
        for (String segment : segments) {
            if (t == JsonToken.VALUE_NULL || t == null) {
                return false;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new ConnectorException("cannot find " + path + ": found " + describe(t)
                        + " where an object with '" + segment + "' was expected");
            }
            t = field(segment);
            if (t == null) {
                return false;
            }
        }
        if (t == JsonToken.VALUE_NULL || t == null) {
            return false;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new ConnectorException(path + " is " + describe(t) + ", not an array of records");
        }
        return true;
    }

    /** Inside an object: skips to {@code name} and returns its value's first token, or null when absent. */
    private JsonToken field(String name) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String current = parser.currentName();
            JsonToken value = parser.nextToken();
            if (current.equals(name)) {
                return value;
            }
            parser.skipChildren();
        }
        return null;
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            default:
                return String.valueOf(t);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // only releases the stream
        }
    }
}

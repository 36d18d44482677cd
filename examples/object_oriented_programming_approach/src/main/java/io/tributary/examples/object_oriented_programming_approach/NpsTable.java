package io.tributary.examples.object_oriented_programming_approach;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One destination table fed by one NPS endpoint (the original's {@code NPS} base class): each subclass names its
 * endpoint, declares its schema and maps a raw record to a row.
 */
abstract class NpsTable {
    /** The endpoint, which is also the table's name. */
    abstract String path();

    /** The table's primary key and declared columns. */
    abstract Table schema();

    /** A raw API record mapped to the table's columns. */
    abstract Map<String, Object> processRecord(JsonNode record);

    /** Fetches every record of the endpoint and maps it. */
    List<Map<String, Object>> processData(NpsClient client) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode record : client.fetchData(path())) {
            rows.add(processRecord(record));
        }
        return rows;
    }

    /** The values of one field of each element of an array, joined with ", " (e.g. activity names). */
    static String join(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asText("")));
        return String.join(", ", values);
    }

    /** A number given as text, as NPS sends coordinates; {@code null} when absent or empty. */
    static Double number(JsonNode text) {
        String value = text.asText("");
        return value.isEmpty() ? null : Double.valueOf(value);
    }
}

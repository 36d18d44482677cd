package io.tributary.examples.object_oriented_programming_approach;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alerts for the parks: closures, dangers... (the original's {@code alerts_table.py}). */
final class AlertsTable extends NpsTable {
    @Override
    String path() {
        return "alerts";
    }

    @Override
    Table schema() {
        return Table.named(path()).primaryKey("alert_id")
                .column("alert_id", DataType.STRING)
                .column("park_code", DataType.STRING)
                .column("title", DataType.STRING)
                .column("description", DataType.STRING)
                .column("category", DataType.STRING)
                .column("url", DataType.STRING);
    }

    @Override
    Map<String, Object> processRecord(JsonNode alert) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("alert_id", alert.path("id").asText("Unknown ID"));
        row.put("park_code", alert.path("parkCode").asText(""));
        row.put("title", alert.path("title").asText("No Title"));
        row.put("description", alert.path("description").asText("No Description"));
        row.put("category", alert.path("category").asText("No Category"));
        row.put("url", alert.path("url").asText(""));
        return row;
    }
}

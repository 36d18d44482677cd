package io.tributary.examples.object_oriented_programming_approach;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** National parks (the original's {@code park_table.py}). */
final class ParksTable extends NpsTable {
    @Override
    String path() {
        return "parks";
    }

    @Override
    Table schema() {
        return Table.named(path()).primaryKey("park_id")
                .column("park_id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("description", DataType.STRING)
                .column("state", DataType.STRING)
                .column("latitude", DataType.FLOAT)
                .column("longitude", DataType.FLOAT)
                .column("activities", DataType.STRING);
    }

    @Override
    Map<String, Object> processRecord(JsonNode park) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("park_id", park.path("id").asText("Unknown ID"));
        row.put("name", park.path("fullName").asText("No Name"));
        row.put("description", park.path("description").asText("No Description"));
        row.put("state", park.path("states").asText("")); // "CA,NV": NPS sends the states as one text
        row.put("latitude", number(park.path("latitude")));
        row.put("longitude", number(park.path("longitude")));
        row.put("activities", join(park.path("activities"), "name"));
        return row;
    }
}

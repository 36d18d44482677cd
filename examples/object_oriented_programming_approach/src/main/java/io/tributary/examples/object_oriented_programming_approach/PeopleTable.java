package io.tributary.examples.object_oriented_programming_approach;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** People linked to the parks or their history (the original's {@code people_table.py}). */
final class PeopleTable extends NpsTable {
    @Override
    String path() {
        return "people";
    }

    @Override
    Table schema() {
        return Table.named(path()).primaryKey("person_id")
                .column("person_id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("title", DataType.STRING)
                .column("description", DataType.STRING)
                .column("url", DataType.STRING)
                .column("related_parks", DataType.STRING);
    }

    @Override
    Map<String, Object> processRecord(JsonNode person) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("person_id", person.path("id").asText("Unknown ID"));
        row.put("name", person.path("title").asText("No Name"));
        // As in the original: NPS has no separate title or description for a person, only a listing description.
        row.put("title", person.path("listingDescription").asText("No Title"));
        row.put("description", person.path("listingDescription").asText("No Description"));
        row.put("url", person.path("url").asText(""));
        row.put("related_parks", join(person.path("relatedParks"), "parkCode"));
        return row;
    }
}

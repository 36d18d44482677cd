package io.tributary.examples.object_oriented_programming_approach;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** Articles about the parks (the original's {@code articles_table.py}). */
final class ArticlesTable extends NpsTable {
    @Override
    String path() {
        return "articles";
    }

    @Override
    Table schema() {
        return Table.named(path()).primaryKey("article_id")
                .column("article_id", DataType.STRING)
                .column("title", DataType.STRING)
                .column("url", DataType.STRING)
                .column("park_code", DataType.STRING)
                .column("park_names", DataType.STRING)
                .column("states", DataType.STRING)
                .column("listing_description", DataType.STRING)
                .column("date", DataType.STRING);
    }

    @Override
    Map<String, Object> processRecord(JsonNode article) {
        JsonNode relatedParks = article.path("relatedParks");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("article_id", article.path("id").asText("Unknown ID"));
        row.put("title", article.path("title").asText("No Title"));
        row.put("url", article.path("url").asText(""));
        row.put("park_code", join(relatedParks, "parkCode"));
        row.put("park_names", join(relatedParks, "fullName"));
        row.put("states", join(relatedParks, "states"));
        row.put("listing_description", article.path("listingDescription").asText(""));
        row.put("date", article.path("date").asText(""));
        return row;
    }
}

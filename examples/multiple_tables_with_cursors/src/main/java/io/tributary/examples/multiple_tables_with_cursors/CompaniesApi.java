package io.tributary.examples.multiple_tables_with_cursors;

import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.JsonRecords;
import io.tributary.sdk.http.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The two endpoints: companies, and one company's departments, each filtered by update time, oldest first. */
final class CompaniesApi {
    private final HttpApi api;

    CompaniesApi(HttpApi api) {
        this.api = api;
    }

    /** The companies updated after {@code since}, in ascending {@code updatedAt}. */
    List<Map<String, Object>> companies(String since) {
        return fetch(api.get("cursors/companies"), since);
    }

    /** The departments of one company updated after {@code since}, in ascending {@code updatedAt}. */
    List<Map<String, Object>> departments(String companyId, String since) {
        return fetch(api.get("cursors/" + companyId + "/departments"), since);
    }

    private static List<Map<String, Object>> fetch(Request request, String since) {
        Request filtered = request.query("order_by", "updatedAt").query("order_type", "asc").query("updated_since", since);
        List<Map<String, Object>> out = new ArrayList<>();
        // Read the whole (small) answer before emitting, so no response stays open while others are sent.
        try (JsonRecords rows = filtered.send().jsonRecords("/data")) {
            rows.forEach(out::add);
        }
        return out;
    }
}

package io.tributary.examples.data_handling_patterns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One nested user from {@code /nested/users}, reshaped for each pattern. */
final class NestedRecords {
    private NestedRecords() {
    }

    /**
     * Pattern 1: the scalar fields, and every nested object's fields as {@code <object>_<field>} columns, at any
     * depth. Lists are left out: a list has no fixed number of columns (pattern 2 handles it).
     */
    static Map<String, Object> flattened(Map<String, Object> user) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", user.get("id"));
        row.put("name", user.get("name"));
        row.put("email", user.get("email"));
        flattenInto(row, "address", user.get("address"));
        row.put("updated_at", user.get("updatedAt"));
        return row;
    }

    @SuppressWarnings("unchecked")
    private static void flattenInto(Map<String, Object> row, String prefix, Object value) {
        if (value instanceof Map<?, ?> object) {
            ((Map<String, Object>) object).forEach((k, v) -> flattenInto(row, prefix + "_" + k, v));
        } else if (!(value instanceof List<?>)) {
            row.put(prefix, value);
        }
    }

    /** Pattern 2, the parent: the user without its orders. */
    static Map<String, Object> parent(Map<String, Object> user) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("user_id", user.get("id"));
        row.put("name", user.get("name"));
        row.put("email", user.get("email"));
        row.put("updated_at", user.get("updatedAt"));
        return row;
    }

    /** Pattern 2, the children: one row per order, with the parent's key as a foreign key. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> children(Map<String, Object> user) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : (List<Object>) user.getOrDefault("orders", List.of())) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) o);
            row.put("user_id", user.get("id"));
            rows.add(row);
        }
        return rows;
    }

    /** Pattern 3: the metadata object as it came, for a JSON column; the SDK serialises it. */
    static Map<String, Object> withJsonBlob(Map<String, Object> user) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", user.get("id"));
        row.put("name", user.get("name"));
        row.put("metadata", user.get("metadata"));
        return row;
    }
}

package io.tributary.examples.toast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The original's row-shaping helpers ({@code flatten_fields}, {@code flatten_dict}, {@code extract_fields},
 * {@code stringify_lists}, {@code replace_guid_with_id}). Each returns a new map and leaves its input alone.
 */
final class Rows {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Nested objects whose keys are distinct enough to keep without the field-name prefix. */
    private static final Set<String> NOT_PREFIXED = Set.of("refundDetails", "jobReference");

    private Rows() {
    }

    /** A row from name-value pairs; unlike {@code Map.of}, values may be null. */
    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    static Map<String, Object> copy(Map<String, Object> row) {
        return new LinkedHashMap<>(row);
    }

    /** {@code guid} renamed to {@code id}: every Toast entity's key. */
    static Map<String, Object> guidToId(Map<String, Object> row) {
        Map<String, Object> out = copy(row);
        if (out.containsKey("guid")) {
            out.put("id", out.remove("guid"));
        }
        return out;
    }

    /**
     * Each named field holding an object becomes prefixed columns, recursively: {@code "server": {"guid": "g",
     * "entityType": "User"}} becomes {@code server_id} and {@code server_entityType}. The field is removed.
     */
    static Map<String, Object> flattenFields(List<String> fields, Map<String, Object> row) {
        Map<String, Object> out = guidToId(row);
        for (String field : fields) {
            Object value = out.get(field);
            if (value instanceof Map<?, ?> || value == null) {
                out.remove(field);
                flattenInto(out, asMap(value), field);
            }
        }
        return out;
    }

    private static void flattenInto(Map<String, Object> target, Map<String, Object> object, String prefix) {
        if (object == null || object.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object> e : guidToId(object).entrySet()) {
            String key = e.getKey();
            String newKey;
            if (key.startsWith(prefix)) {
                newKey = key;
            } else if (key.equals("tipRefundAmount") && prefix.equals("refund")) {
                newKey = "refund_tip_amount";
            } else if (NOT_PREFIXED.contains(prefix)) {
                newKey = key;
            } else {
                newKey = prefix + "_" + key;
            }
            if (e.getValue() instanceof Map<?, ?>) {
                flattenInto(target, asMap(e.getValue()), newKey);
            } else {
                target.put(newKey, e.getValue());
            }
        }
    }

    /** A field of a nested object under a new name, replacing the object: {@code menu.guid} as {@code menu_id}. */
    static Map<String, Object> extractField(Map<String, Object> row, String field, String subField, String newName) {
        Map<String, Object> out = copy(row);
        Map<String, Object> nested = asMap(out.get(field));
        if (nested != null && !nested.isEmpty() && nested.containsKey(subField)) {
            out.put(newName, nested.get(subField));
            out.remove(field);
        }
        return out;
    }

    /**
     * Lists as text. The original writes Python's {@code str(list)}; this port writes JSON, which any warehouse
     * can parse.
     */
    static Map<String, Object> stringifyLists(Map<String, Object> row) {
        Map<String, Object> out = copy(row);
        for (Map.Entry<String, Object> e : out.entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                try {
                    e.setValue(JSON.writeValueAsString(list));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException("a parsed JSON list is always writable", ex);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> asList(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?>) {
                    out.add((Map<String, Object>) item);
                }
            }
        }
        return out;
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }
}

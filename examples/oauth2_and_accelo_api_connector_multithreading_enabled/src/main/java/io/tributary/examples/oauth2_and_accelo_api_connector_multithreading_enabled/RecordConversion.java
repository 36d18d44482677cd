package io.tributary.examples.oauth2_and_accelo_api_connector_multithreading_enabled;

import io.tributary.sdk.Log;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Accelo sends every value as text and dates as unix seconds. The original converts them per field and turns a
 * value that does not convert into null, with a warning; so does this class.
 */
final class RecordConversion {
    private RecordConversion() {
    }

    /** The entity's fields only, converted. */
    static Map<String, Object> convert(Entity entity, Map<String, Object> record) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String field : entity.fields()) {
            Object value = record.get(field);
            if (value != null) {
                if (entity.intFields().contains(field)) {
                    value = toLong(field, value);
                } else if (entity.floatFields().contains(field)) {
                    value = toFloat(field, value);
                } else if (entity.dateFields().contains(field)) {
                    value = toInstant(field, value);
                } else if (entity.booleanFields().contains(field)) {
                    value = toBoolean(field, value);
                }
            }
            row.put(field, value);
        }
        return row;
    }

    /** Unix seconds, or an ISO-8601 timestamp (a value with a 'T'). */
    static Instant toInstant(String field, Object value) {
        String text = value.toString().trim();
        try {
            return text.contains("T") ? OffsetDateTime.parse(text.replace("Z", "+00:00")).toInstant()
                    : Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException | DateTimeParseException e) {
            Log.warning("Could not convert field " + field + " with value '" + value + "' to datetime");
            return null;
        }
    }

    private static Long toLong(String field, Object value) {
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            Log.warning("Could not convert field " + field + " with value '" + value + "' to int");
            return null;
        }
    }

    private static Double toFloat(String field, Object value) {
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            Log.warning("Could not convert field " + field + " with value '" + value + "' to float");
            return null;
        }
    }

    /** yes/true and no/false, in any case; anything else is null. */
    private static Boolean toBoolean(String field, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().toLowerCase(Locale.ROOT);
        if (text.equals("yes") || text.equals("true")) {
            return true;
        }
        if (text.equals("no") || text.equals("false")) {
            return false;
        }
        Log.warning("Could not convert field '" + field + "' with value '" + value + "' to bool");
        return null;
    }
}

package io.tributary.server.api;

import io.tributary.server.http.ApiException;

/** Free-text request fields: trimmed, length-capped, and named in the error when wrong. */
final class TextFields {
    private TextFields() {
    }

    /** The trimmed value; 400 when it is missing, blank or longer than {@code max}. */
    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.required(field);
        }
        return capped(field, value.trim(), max);
    }

    /** The trimmed value, or null when it is null or blank (so that "" clears an optional field). */
    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : capped(field, value.trim(), max);
    }

    private static String capped(String field, String value, int max) {
        if (value.length() > max) {
            throw ApiException.invalid("Field '" + field + "' must be at most " + max + " characters");
        }
        return value;
    }
}

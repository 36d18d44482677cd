package io.tributary.examples.hashes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-1 of a flat row, as the Python example computes it: {@code sha1(json.dumps(row, sort_keys=True))}.
 * The JSON text is built exactly as Python writes it (sorted keys, {@code ", "} and {@code ": "} separators,
 * non-ASCII escaped), so both connectors give the same {@code hash_id} for the same row.
 */
final class RowHash {
    private RowHash() {
    }

    /** 40 lowercase hex digits. Values may be strings, whole numbers, booleans or null. */
    static String sha1(Map<String, ?> row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(pythonJson(row).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
    }

    /** {@code json.dumps(row, sort_keys=True)}. */
    static String pythonJson(Map<String, ?> row) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, ?> e : new TreeMap<>(row).entrySet()) {
            if (json.length() > 1) {
                json.append(", ");
            }
            appendString(json, e.getKey());
            json.append(": ");
            appendValue(json, e.getKey(), e.getValue());
        }
        return json.append('}').toString();
    }

    private static void appendValue(StringBuilder json, String key, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String s) {
            appendString(json, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            json.append(value);
        } else {
            // Floats and dates print differently in Python and Java: hash their text instead.
            throw new IllegalArgumentException("column '" + key + "': cannot hash a "
                    + value.getClass().getSimpleName() + "; pass it as a String");
        }
    }

    /** A JSON string with Python's escapes ({@code ensure_ascii=True}). */
    private static void appendString(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}

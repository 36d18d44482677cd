package io.tributary.runtime.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tributary.sdk.ConnectorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code _fivetran_id} for tables without a primary key: SHA-256 (first 128 bits, hex) of the row's non-null
 * values as canonical JSON, keyed by destination column name in sorted order. Stable across runs, column
 * order, and type widening, since it hashes the values as the connector gave them.
 */
final class SurrogateKey {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private SurrogateKey() {
    }

    static String of(Map<String, Object> namedRow, String where) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        namedRow.forEach((k, v) -> {
            if (v != null) {
                sorted.put(k, v);
            }
        });
        byte[] canonical;
        try {
            canonical = JSON.writeValueAsString(sorted).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new ConnectorException(where + ": cannot hash the row for _fivetran_id: " + e.getMessage(), e);
        }
        byte[] digest = SHA256.get().digest(canonical);
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}

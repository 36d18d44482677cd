package io.tributary.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The benchmark's rows: long id, 3 strings, 2 doubles, a boolean, a timestamp, a DECIMAL(18,4) and JSON. */
final class SyntheticRows {
    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    private SyntheticRows() {
    }

    static String name(long i) {
        return "customer-" + i;
    }

    static String email(long i) {
        return "user" + i + "@example.com";
    }

    static String city(long i) {
        return CITIES[(int) (i % CITIES.length)];
    }

    static double score(long i) {
        return i * 0.5;
    }

    static double ratio(long i) {
        return (i % 1000) / 3.0;
    }

    static boolean active(long i) {
        return (i & 1) == 0;
    }

    static Instant updatedAt(long i) {
        return BASE.plusSeconds(i);
    }

    static BigDecimal amount(long i) {
        return BigDecimal.valueOf(i * 12345L % 100_000_000L, 4);
    }

    static String payload(long i) {
        return "{\"k\":" + i + ",\"tags\":[\"a\",\"b\"]}";
    }

    static Map<String, Object> row(long i) {
        Map<String, Object> row = new HashMap<>(16);
        row.put("id", i);
        row.put("name", name(i));
        row.put("email", email(i));
        row.put("city", city(i));
        row.put("score", score(i));
        row.put("ratio", ratio(i));
        row.put("active", active(i));
        row.put("updated_at", updatedAt(i));
        row.put("amount", amount(i));
        row.put("payload", payload(i));
        return row;
    }

    private static final String[] CITIES = {"Amsterdam", "Berlin", "Copenhagen", "Dublin", "Edinburgh", "Florence",
        "Geneva", "Helsinki", "Istanbul", "Jerusalem"};

    /** DuckDB DDL for the same columns, for the ceiling measurements. */
    static final String COLUMNS = "id BIGINT, name VARCHAR, email VARCHAR, city VARCHAR, score DOUBLE, ratio DOUBLE, "
            + "active BOOLEAN, updated_at TIMESTAMPTZ, amount DECIMAL(18,4), payload JSON";
}

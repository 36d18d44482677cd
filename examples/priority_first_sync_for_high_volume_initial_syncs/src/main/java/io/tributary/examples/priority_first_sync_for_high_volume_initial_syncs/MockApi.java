package io.tributary.examples.priority_first_sync_for_high_volume_initial_syncs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * An emulated REST API, in process: no network. Each endpoint holds one record per time step ({@code user}
 * every hour, {@code customer} every three hours) up to the API's clock {@code now}. A record's fields depend
 * only on the seed, the endpoint and its {@code updated_at}, so the same record always reads the same.
 *
 * <p>Like the original's {@code mock_api.py}, a call returns the records updated from {@code updated_since}
 * (inclusive) to one day later, oldest first, with {@code has_more} when later records exist.
 */
final class MockApi {
    static final Duration PAGE_SPAN = Duration.ofDays(1);
    static final List<String> ENDPOINTS = List.of("user", "customer");

    private static final String[] FIRST_NAMES = {"Ada", "Bo", "Chen", "Dara", "Eli", "Femi", "Gia", "Hugo", "Ines", "Jon"};
    private static final String[] LAST_NAMES = {"Abbott", "Berg", "Costa", "Diaz", "Evans", "Fox", "Gray", "Hale", "Ito", "Jensen"};
    private static final String[] STREETS = {"Oak St", "Elm Ave", "Pine Rd", "Lake Dr", "Hill Ln"};
    private static final String[] COMPANIES = {"Acme", "Globex", "Initech", "Umbrella", "Hooli"};
    private static final String[] JOBS = {"Engineer", "Analyst", "Designer", "Manager", "Accountant"};

    /** One response: a page of records and whether to ask for more. */
    record Page(List<Map<String, Object>> data, boolean hasMore) {
    }

    private final long seed;
    private final Instant now;

    MockApi(long seed, Instant now) {
        this.seed = seed;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    /** {@code GET /<endpoint>?updated_since=...}. */
    Page get(String endpoint, Instant updatedSince) {
        Instant pageEnd = updatedSince.plus(PAGE_SPAN);
        Instant until = pageEnd.isBefore(now) ? pageEnd : now;
        return new Page(recordsBetween(endpoint, updatedSince, until), pageEnd.isBefore(now));
    }

    /** The endpoint's records with {@code from <= updated_at <= to}, oldest first. */
    List<Map<String, Object>> recordsBetween(String endpoint, Instant from, Instant to) {
        long step = step(endpoint).getSeconds();
        // Records sit on a fixed grid of the epoch, so every call sees the same ones.
        long first = Math.floorDiv(from.getEpochSecond() + step - 1, step) * step;
        List<Map<String, Object>> records = new ArrayList<>();
        for (long t = first; t <= to.getEpochSecond(); t += step) {
            records.add(record(endpoint, Instant.ofEpochSecond(t)));
        }
        return records;
    }

    private Map<String, Object> record(String endpoint, Instant updatedAt) {
        String key = seed + "/" + endpoint + "/" + updatedAt;
        Random random = new Random(key.hashCode() * 31L + seed);
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
        record.put("name", first + " " + last);
        record.put("email", (first + "." + last + "@example.com").toLowerCase());
        record.put("address", (1 + random.nextInt(999)) + " " + pick(random, STREETS));
        record.put("company", pick(random, COMPANIES));
        record.put("job", pick(random, JOBS));
        record.put("updated_at", updatedAt.toString());
        record.put("created_at", updatedAt.minus(Duration.ofDays(random.nextInt(365))).toString());
        return record;
    }

    /** How often the endpoint gets a record. */
    private static Duration step(String endpoint) {
        return switch (endpoint) {
            case "user" -> Duration.ofHours(1);
            case "customer" -> Duration.ofHours(3);
            default -> throw new IllegalArgumentException("unknown endpoint " + endpoint + "; the API has " + ENDPOINTS);
        };
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}

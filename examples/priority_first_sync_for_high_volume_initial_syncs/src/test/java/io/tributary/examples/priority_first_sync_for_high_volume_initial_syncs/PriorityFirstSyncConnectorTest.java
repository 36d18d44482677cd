package io.tributary.examples.priority_first_sync_for_high_volume_initial_syncs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.ConnectorTester;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityFirstSyncConnectorTest {
    private static final Instant START = Instant.parse("2025-01-10T00:00:00Z");
    /** The API's clock moves this much between two syncs, so every incremental sync finds new records. */
    private static final Duration BETWEEN_SYNCS = Duration.ofHours(6);
    private static final long SEED = 42;

    /**
     * What each sync should leave in the warehouse: per endpoint, every record from {@code from} to
     * {@code to}, both inclusive, and nothing else. History grows backwards, a window at a time, while the
     * newest data keeps up with the clock.
     */
    private record Expected(String userFrom, String userTo, String customerFrom, String customerTo,
                            boolean nextIsIncremental) {
    }

    private static final List<Expected> SYNCS = List.of(
            // 1, incremental: only the last day.
            new Expected("2025-01-09T00:00:00Z", "2025-01-10T00:00:00Z", "2025-01-09T00:00:00Z", "2025-01-10T00:00:00Z", false),
            // 2, historical: three one-day windows of user history; no budget left for customer.
            new Expected("2025-01-06T00:00:00Z", "2025-01-10T00:00:00Z", "2025-01-09T00:00:00Z", "2025-01-10T00:00:00Z", true),
            // 3, incremental: six new hours.
            new Expected("2025-01-06T00:00:00Z", "2025-01-10T12:00:00Z", "2025-01-09T00:00:00Z", "2025-01-10T12:00:00Z", false),
            // 4, historical: user's last window reaches the limit, then two customer windows.
            new Expected("2025-01-05T00:00:00Z", "2025-01-10T12:00:00Z", "2025-01-07T00:00:00Z", "2025-01-10T12:00:00Z", true),
            // 5, incremental.
            new Expected("2025-01-05T00:00:00Z", "2025-01-11T00:00:00Z", "2025-01-07T00:00:00Z", "2025-01-11T00:00:00Z", false),
            // 6, historical: customer's last two windows; history is complete.
            new Expected("2025-01-05T00:00:00Z", "2025-01-11T00:00:00Z", "2025-01-05T00:00:00Z", "2025-01-11T00:00:00Z", true),
            // 7 and 8: only incremental syncs from now on.
            new Expected("2025-01-05T00:00:00Z", "2025-01-11T12:00:00Z", "2025-01-05T00:00:00Z", "2025-01-11T12:00:00Z", false),
            new Expected("2025-01-05T00:00:00Z", "2025-01-11T18:00:00Z", "2025-01-05T00:00:00Z", "2025-01-11T18:00:00Z", false));

    @Test
    void firstSyncReadsOnlyTheLastDayAndStartsTheCursors() throws Exception {
        try (ConnectorTester tester = newTester(START)) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("user")).hasSize(25);
            assertThat(tester.rows("customer")).hasSize(9);
            assertWarehouseHolds(tester, "user", "2025-01-09T00:00:00Z", "2025-01-10T00:00:00Z");
            assertWarehouseHolds(tester, "customer", "2025-01-09T00:00:00Z", "2025-01-10T00:00:00Z");
            assertThat(tester.state().get("pfs_cursors")).isEqualTo(json("{"
                    + "\"user\": {\"incremental_cursor\": \"2025-01-10T00:00:00Z\", \"historical_cursor\": \"2025-01-09T00:00:00Z\","
                    + " \"historical_limit\": \"2025-01-05T00:00:00Z\"},"
                    + "\"customer\": {\"incremental_cursor\": \"2025-01-10T00:00:00Z\", \"historical_cursor\": \"2025-01-09T00:00:00Z\","
                    + " \"historical_limit\": \"2025-01-05T00:00:00Z\"},"
                    + "\"is_incremental_sync\": false}"));
        }
    }

    @Test
    void syncsAlternateRecentDataAndBackfillUntilHistoryIsComplete() throws Exception {
        try (ConnectorTester tester = newTester(START)) {
            for (int i = 0; i < SYNCS.size(); i++) {
                Expected expected = SYNCS.get(i);
                tester.configuration(configuration(START.plus(BETWEEN_SYNCS.multipliedBy(i)))).sync().assertSucceeded();

                assertWarehouseHolds(tester, "user", expected.userFrom(), expected.userTo());
                assertWarehouseHolds(tester, "customer", expected.customerFrom(), expected.customerTo());
                assertThat(cursors(tester).get("is_incremental_sync").asBoolean())
                        .as("is_incremental_sync after sync %d", i + 1).isEqualTo(expected.nextIsIncremental());
            }
            // The whole history, from the limit to the last sync's clock, each record once.
            assertThat(tester.rows("user")).hasSize(6 * 24 + 18 + 1);
            assertThat(tester.rows("customer")).hasSize(6 * 8 + 6 + 1);
            for (String endpoint : MockApi.ENDPOINTS) {
                JsonNode endpointCursors = cursors(tester).get(endpoint);
                assertThat(endpointCursors.get("historical_cursor")).isEqualTo(endpointCursors.get("historical_limit"));
                assertThat(endpointCursors.get("historical_limit").asText()).isEqualTo("2025-01-05T00:00:00Z");
                assertThat(endpointCursors.get("incremental_cursor").asText()).isEqualTo("2025-01-11T18:00:00Z");
            }
        }
    }

    @Test
    void theHistoricalCursorMovesBackOneWindowAtATime() {
        try (ConnectorTester tester = newTester(START)) {
            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();
            assertThat(cursors(tester).get("user").get("historical_cursor").asText()).isEqualTo("2025-01-06T00:00:00Z");
            assertThat(cursors(tester).get("customer").get("historical_cursor").asText()).isEqualTo("2025-01-09T00:00:00Z");
            assertThat(cursors(tester).get("user").get("incremental_cursor").asText()).isEqualTo("2025-01-10T00:00:00Z");
        }
    }

    @Test
    void theApiIsDeterministicForASeed() {
        Instant to = START;
        Instant from = START.minus(Duration.ofHours(5));
        List<Map<String, Object>> first = new MockApi(SEED, START).recordsBetween("user", from, to);
        assertThat(new MockApi(SEED, START).recordsBetween("user", from, to)).isEqualTo(first).hasSize(6);
        assertThat(new MockApi(SEED + 1, START).recordsBetween("user", from, to).get(0).get("id"))
                .isNotEqualTo(first.get(0).get("id"));
    }

    @Test
    void anInvalidClockFailsTheSyncNamingTheKey() {
        try (ConnectorTester tester = ConnectorTester.of(new PriorityFirstSyncConnector())
                .configuration(Map.of("now", "yesterday"))) {
            tester.sync().assertFailedWith("'now'");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester(START)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static ConnectorTester newTester(Instant now) {
        return ConnectorTester.of(new PriorityFirstSyncConnector()).configuration(configuration(now));
    }

    private static Map<String, String> configuration(Instant now) {
        return Map.of("seed", String.valueOf(SEED), "now", now.toString(), "historical_windows_per_sync", "3");
    }

    /** The table holds exactly the API's records from {@code from} to {@code to}, field by field, none deleted. */
    private static void assertWarehouseHolds(ConnectorTester tester, String table, String from, String to) {
        List<Map<String, Object>> source = new MockApi(SEED, Instant.parse(to))
                .recordsBetween(table, Instant.parse(from), Instant.parse(to));
        Map<Object, Map<String, Object>> warehouse = new HashMap<>();
        for (Map<String, Object> row : tester.rows(table)) {
            assertThat(row).containsEntry("_fivetran_deleted", false);
            warehouse.put(row.get("id"), row);
        }
        assertThat(warehouse).as("%s rows from %s to %s", table, from, to).hasSize(source.size());
        for (Map<String, Object> record : source) {
            Map<String, Object> row = warehouse.get(record.get("id"));
            assertThat(row).as("%s record %s", table, record).isNotNull();
            for (String field : List.of("name", "email", "address", "company", "job")) {
                assertThat(row.get(field)).isEqualTo(record.get(field));
            }
            assertThat(instant(row.get("updated_at"))).isEqualTo(Instant.parse((String) record.get("updated_at")));
            assertThat(instant(row.get("created_at"))).isEqualTo(Instant.parse((String) record.get("created_at")));
        }
    }

    private static JsonNode cursors(ConnectorTester tester) {
        return tester.state().get("pfs_cursors");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static Instant instant(Object timestamp) {
        return ((OffsetDateTime) timestamp).toInstant();
    }
}

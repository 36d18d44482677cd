package io.tributary.examples.oauth2_and_accelo_api_connector_multithreading_enabled;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Credentials;
import io.tributary.playground.Playground;
import io.tributary.sdk.State;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcceloConnectorTest {
    // No truncate: the toolkit does not retry a body cut short (see the README).
    private static final String FAULTS = "429:0.07:0,500:0.05,503:0.04,reset:0.03";
    private static final Map<String, Integer> DAY0 = Map.of("companies", 50, "invoices", 80, "payments", 60,
            "prospects", 40, "jobs", 40, "staff", 15);
    private static final Map<String, Integer> CREATED_PER_DAY = Map.of("companies", 2, "invoices", 3, "payments", 3,
            "prospects", 1, "jobs", 1, "staff", 0);
    private static final Map<String, Integer> UPDATED_PER_DAY = Map.of("companies", 3, "invoices", 4, "payments", 0,
            "prospects", 2, "jobs", 2, "staff", 1);

    private Playground playground;

    @AfterEach
    void stopPlayground() {
        if (playground != null) {
            playground.close();
        }
    }

    @Test
    void firstSyncLandsEveryEntityAndTheNextDayOnlyNewAndChangedRecords() {
        playground = Playground.builder().port(0).start();
        try (ConnectorTester tester = tester(fastPolicy(), "5000")) {
            tester.sync().assertSucceeded();
            Map<String, Map<String, Object>> synced = new HashMap<>();
            for (Entity entity : Entity.ALL) {
                List<Map<String, Object>> rows = tester.rows(entity.table());
                assertThat(rows).as(entity.table()).hasSize(DAY0.get(entity.table()));
                assertThat(tester.liveRows(entity.table())).hasSameSizeAs(rows); // Accelo never deletes
                assertMatchesSource(entity, rows);
                synced.put(entity.table(), syncedTimes(rows));
            }
            assertCursorsAreTheLatestDates(tester.state());
            assertThat(tester.query("SELECT count(*) AS n FROM tester.prospects WHERE success")).isNotEmpty();

            playground.nextDay();
            tester.sync().assertSucceeded();
            for (Entity entity : Entity.ALL) {
                List<Map<String, Object>> rows = tester.rows(entity.table());
                int expected = DAY0.get(entity.table()) + CREATED_PER_DAY.get(entity.table());
                assertThat(rows).as(entity.table()).hasSize(expected);
                assertThat(rows.stream().map(r -> r.get("id")).distinct()).hasSize(expected);
                assertMatchesSource(entity, rows);
                // Only the records changed on day 1 were read again: the others keep their _fivetran_synced.
                Map<String, Object> before = synced.get(entity.table());
                Map<String, Object> after = syncedTimes(rows);
                long rewritten = before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).count();
                assertThat(rewritten).as(entity.table() + " rewritten").isEqualTo((long) UPDATED_PER_DAY.get(entity.table()));
            }
            assertCursorsAreTheLatestDates(tester.state());
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        playground = Playground.builder().port(0).start();
        Map<String, Object> clean = twoDays(null);
        playground.reset();
        Map<String, Object> faulted = twoDays(FAULTS);
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(10);
        assertThat(faulted).isEqualTo(clean);
    }

    @Test
    void resumesFromEveryCheckpoint() {
        playground = Playground.builder().port(0).day(1).start();
        // Pages of 40: a checkpoint inside companies, invoices and payments, and one after each entity.
        try (ConnectorTester tester = tester(fastPolicy(), "5000", "40")) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void theHourlyBudgetKeepsTheSyncUnderAccelosRateLimit() {
        FakeClock clock = new FakeClock(Instant.parse("2025-01-02T00:00:00Z"));
        playground = Playground.builder().port(0).clock(clock).start();
        playground.setAcceloRateLimit(20);
        RequestPolicy noRetries = RequestPolicy.builder().maxRetries(0).clock(clock).sleeper(clock).build();

        // Without a budget the sync runs into Accelo's limit and, with no retries, fails on the 429.
        try (ConnectorTester tester = tester(noRetries, "5000")) {
            tester.sync().assertFailedWith("429");
        }

        clock.advance(Duration.ofHours(2)); // a fresh hour on the playground
        Instant start = clock.instant();
        try (ConnectorTester tester = tester(noRetries, "20")) {
            tester.sync().assertSucceeded();
            assertThat(tester.rows("staff")).hasSize(15);
        }
        // Some 70 requests at 20 an hour: the limiter waited (on the fake clock) for hours, and the token, which
        // lives one hour, was renewed on the way.
        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofHours(2));
    }

    private Map<String, Object> twoDays(String faults) {
        playground.setDay(0);
        if (faults != null) {
            playground.setFaults(faults);
        }
        try (ConnectorTester tester = tester(fastPolicy(), "5000")) {
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            return tester.snapshot();
        }
    }

    /** Every warehouse row equals the API's record, converted as the original converts it. */
    private void assertMatchesSource(Entity entity, List<Map<String, Object>> rows) {
        Map<Long, Map<String, Object>> source = new HashMap<>();
        for (Map<String, Object> record : sourceRecords(entity)) {
            source.put(Long.parseLong((String) record.get("id")), record);
        }
        assertThat(rows).hasSize(source.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> record = source.get(((Number) row.get("id")).longValue());
            assertThat(record).as(entity.table() + " " + row.get("id")).isNotNull();
            for (String field : entity.fields()) {
                Object raw = record.get(field);
                Object actual = row.get(field);
                if (raw == null) {
                    assertThat(actual).as(field).isNull();
                } else if (entity.intFields().contains(field)) {
                    assertThat(((Number) actual).longValue()).as(field).isEqualTo(Long.parseLong((String) raw));
                } else if (entity.floatFields().contains(field)) {
                    assertThat(((Number) actual).floatValue()).as(field).isEqualTo(Float.parseFloat((String) raw));
                } else if (entity.dateFields().contains(field)) {
                    assertThat(((OffsetDateTime) actual).toInstant()).as(field)
                            .isEqualTo(Instant.ofEpochSecond(Long.parseLong((String) raw)));
                } else if (entity.booleanFields().contains(field)) {
                    assertThat(actual).as(field).isEqualTo(raw.equals("yes"));
                } else {
                    assertThat(actual).as(field).isEqualTo(raw);
                }
            }
        }
    }

    private void assertCursorsAreTheLatestDates(State state) {
        for (Entity entity : Entity.ALL) {
            long latest = sourceRecords(entity).stream()
                    .mapToLong(r -> Long.parseLong((String) r.get(entity.dateField()))).max().orElseThrow();
            assertThat(state.getString(entity.stateKey())).as(entity.stateKey()).isEqualTo(EntitySync.format(latest));
        }
    }

    private List<Map<String, Object>> sourceRecords(Entity entity) {
        AcceloClient client = new AcceloClient(playground.baseUrl() + "/accelo", Credentials.CLIENT_ID,
                Credentials.CLIENT_SECRET, fastPolicy(), AcceloClient.MAX_PAGE_SIZE);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> records = client.page(entity, 0, page);
            out.addAll(records);
            if (records.size() < AcceloClient.MAX_PAGE_SIZE) {
                return out;
            }
        }
    }

    private static Map<String, Object> syncedTimes(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r.get("id")), r -> r.get("_fivetran_synced")));
    }

    private ConnectorTester tester(RequestPolicy policy, String requestsPerHour) {
        return tester(policy, requestsPerHour, "7");
    }

    private ConnectorTester tester(RequestPolicy policy, String requestsPerHour, String pageSize) {
        return ConnectorTester.of(new AcceloConnector(policy)).configuration(Map.of(
                "base_url", playground.baseUrl() + "/accelo",
                "client_id", Credentials.CLIENT_ID,
                "client_secret", Credentials.CLIENT_SECRET,
                "requests_per_hour", requestsPerHour,
                "page_size", pageSize));
    }

    private static RequestPolicy fastPolicy() {
        return RequestPolicy.builder().maxRetries(3).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    }
}

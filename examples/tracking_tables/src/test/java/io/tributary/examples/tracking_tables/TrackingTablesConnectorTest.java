package io.tributary.examples.tracking_tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackingTablesConnectorTest {
    private static final RequestPolicy FAST_RETRIES = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Playground playground;

    @BeforeEach
    void start() {
        playground = Playground.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    @Test
    void aTableAddedLaterGetsItsWholeHistoryWhileTheOthersCarryOn() throws Exception {
        try (ConnectorTester tester = tester(Map.of("tables", "users"))) {
            tester.sync().assertSucceeded();
            assertThat(ids(tester, "users", "id")).isEqualTo(source("/pagination/page_number?per_page=1000", "id"));
            assertThat(tester.state().getObject("cursors").keys()).containsExactly("users");

            playground.nextDay();
            tester.configuration(configuration(Map.of("tables", "users,companies")));
            SyncOutcome second = tester.sync().assertSucceeded();

            String usersCursor = tester.state().getObject("cursors").getString("users");
            List<JsonNode> companies = records("/cursors/companies");
            assertThat(companies).hasSize(11);
            assertThat(companies.stream().filter(c -> updatedAt(c).isBefore(Instant.parse(usersCursor))).count())
                    .as("companies updated before the users' cursor, which a shared cursor would miss").isEqualTo(11);
            assertThat(ids(tester, "companies", "company_id")).isEqualTo(source("/cursors/companies", "company_id"));
            assertThat(second.counters().upserts()).as("25 changed users and all 11 companies").isEqualTo(25 + 11);
            assertThat(tester.state().getObject("cursors").getString("companies"))
                    .isEqualTo(companies.stream().map(c -> c.get("updatedAt").asText()).max(String::compareTo).orElseThrow());
        }
    }

    @Test
    void eachTableFollowsItsOwnCursor() throws Exception {
        try (ConnectorTester tester = tester(Map.of("tables", "users,companies"))) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(200 + 10);
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("caught up").isZero();

            playground.nextDay();
            SyncOutcome next = tester.sync().assertSucceeded();
            long companiesChanged = records("/cursors/companies").stream()
                    .filter(c -> updatedAt(c).isAfter(playground.now().minus(Duration.ofDays(1)))).count();
            assertThat(companiesChanged).isPositive();
            assertThat(next.counters().upserts()).isEqualTo(25 + companiesChanged);
            assertThat(tester.query("SELECT count(*) AS n FROM tester.users").get(0).get("n")).isEqualTo(210L);
        }
    }

    @Test
    void aTableLeftOutKeepsItsCursorForWhenItComesBack() throws Exception {
        try (ConnectorTester tester = tester(Map.of("tables", "users,companies"))) {
            tester.sync().assertSucceeded();
            String companiesCursor = tester.state().getObject("cursors").getString("companies");

            tester.configuration(configuration(Map.of("tables", "users")));
            playground.nextDay();
            tester.sync().assertSucceeded();
            assertThat(tester.state().getObject("cursors").getString("companies")).isEqualTo(companiesCursor);

            tester.configuration(configuration(Map.of("tables", "users,companies")));
            SyncOutcome back = tester.sync().assertSucceeded();
            long changedSince = records("/cursors/companies").stream()
                    .filter(c -> updatedAt(c).isAfter(Instant.parse(companiesCursor))).count();
            assertThat(changedSince).isPositive();
            assertThat(back.counters().upserts()).as("only the companies changed since").isEqualTo(changedSince);
            assertThat(ids(tester, "companies", "company_id")).isEqualTo(source("/cursors/companies", "company_id"));
        }
    }

    @Test
    void theInitialSyncStartBoundsANewTablesHistory() throws Exception {
        Instant start = Instant.parse("2024-12-15T00:00:00Z");
        try (ConnectorTester tester = tester(Map.of("tables", "users", "initial_sync_start", start.toString()))) {
            tester.sync().assertSucceeded();
            long expected = records("/pagination/page_number?per_page=1000").stream()
                    .filter(u -> updatedAt(u).isAfter(start)).count();
            assertThat(expected).isBetween(1L, 199L);
            assertThat(tester.query("SELECT count(*) AS n FROM tester.users").get(0).get("n")).isEqualTo(expected);
        }
    }

    @Test
    void aFailedSyncKeepsEveryCursorAndTheNextOneCatchesUp() throws Exception {
        try (ConnectorTester tester = tester(Map.of("tables", "users,companies"))) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            playground.nextDay();
            playground.setFaults("503:1,max:100");
            tester.sync().assertFailedWith("answered HTTP 503");
            assertThat(tester.snapshot()).isEqualTo(before);

            playground.clearFaults();
            tester.sync().assertSucceeded();
            assertThat(ids(tester, "users", "id")).isEqualTo(source("/pagination/page_number?per_page=1000", "id"));
            assertThat(ids(tester, "companies", "company_id")).isEqualTo(source("/cursors/companies", "company_id"));
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(Map.of("tables", "users,companies"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void unknownTablesAreNamedWithTheKnownOnes() {
        try (ConnectorTester tester = tester(Map.of("tables", "users,orders"))) {
            tester.sync().assertFailedWith("names 'orders', which this connector does not know; it knows users, companies");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    private ConnectorTester tester(Map<String, String> settings) {
        return ConnectorTester.of(new TrackingTablesConnector(FAST_RETRIES)).configuration(configuration(settings));
    }

    private Map<String, String> configuration(Map<String, String> settings) {
        Map<String, String> configuration = new HashMap<>(settings);
        configuration.put("base_url", playground.baseUrl());
        return configuration;
    }

    /** Each record's key and update time as the playground serves them today, sorted by key. */
    private List<List<String>> source(String path, String key) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode r : records(path)) {
            out.add(List.of(r.get(key).asText(), updatedAt(r).toString()));
        }
        out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return out;
    }

    private static List<List<String>> ids(ConnectorTester tester, String table, String key) {
        return tester.query("SELECT " + key + ", updated_at FROM tester." + table + " ORDER BY " + key).stream()
                .map(r -> List.of(String.valueOf(r.get(key)), ((OffsetDateTime) r.get("updated_at")).toInstant().toString()))
                .toList();
    }

    private List<JsonNode> records(String path) throws Exception {
        String url = playground.baseUrl() + path + (path.contains("?") ? "&" : "?") + "fault=none";
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(body).get("data").forEach(out::add);
        return out;
    }

    private static Instant updatedAt(JsonNode record) {
        return Instant.parse(record.get("updatedAt").asText());
    }
}

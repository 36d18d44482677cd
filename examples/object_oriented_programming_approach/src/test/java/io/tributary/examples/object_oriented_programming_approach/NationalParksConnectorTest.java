package io.tributary.examples.object_oriented_programming_approach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalParksConnectorTest {
    /** Short backoffs; more retries than the playground's 2 consecutive faults per request. */
    static final RequestPolicy FAST = RequestPolicy.builder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(4).build();
    /** 17 % of attempts fail; the decision seed makes these few requests meet every kind of fault. */
    static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02,seed:15";

    @Test
    void everySyncReadsEveryRecordOfTheFourEndpoints() throws Exception {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, 50)) {
            SyncOutcome first = tester.sync().assertSucceeded();

            assertThat(first.counters().upserts()).isEqualTo(30 + 30 + 12 + 40);
            assertThat(first.counters().checkpoints()).as("one per table").isEqualTo(4);
            assertWarehouseHoldsTheApisRecords(tester, playground);
            assertThat(tester.query("SELECT park_id, name, state, latitude, longitude, activities FROM tester.parks "
                    + "WHERE park_id = 'ADDEF410-3607-492F-BEAB-7DFD7869D5D3'")).singleElement()
                    .satisfies(park -> assertThat(park).containsEntry("name", "Harbor Glacier National Park")
                            .containsEntry("state", "ME").containsEntry("latitude", 37.14802357f)
                            .containsEntry("longitude", -91.51271662f));
            assertThat(tester.state().isEmpty()).isTrue();
            List<Map<String, Object>> dayZeroAlerts = tester.rows("alerts");

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            // Everything again: 30 parks, 31 people, 13 alerts, 41 articles.
            assertThat(second.counters().upserts()).isEqualTo(30 + 31 + 13 + 41);
            assertWarehouseHoldsTheApisRecords(tester, playground);
            assertThat(changed(dayZeroAlerts, tester.rows("alerts"), "alert_id")).hasSize(1);
            // 3 new alerts and 2 ended: the ended ones are gone from the API but stay in the warehouse, live,
            // because the connector only upserts (as the original).
            Set<Object> apiAlerts = ids(NpsSource.records(playground, "alerts"));
            assertThat(tester.rows("alerts")).hasSize(15)
                    .filteredOn(row -> !apiAlerts.contains(row.get("alert_id"))).hasSize(2)
                    .allSatisfy(row -> assertThat(row).containsEntry("_fivetran_deleted", false));
            assertThat(tester.rows("articles")).hasSize(41);
            assertThat(tester.rows("people")).hasSize(31);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        try (Playground clean = Playground.start(0); Playground faulty = Playground.start(0);
             ConnectorTester expected = newTester(clean, 10); ConnectorTester actual = newTester(faulty, 10)) {
            // Pages of 10 records, so that a sync makes a dozen requests.
            faulty.setFaults(FAULTS);
            for (int day = 0; day <= 3; day++) {
                clean.setDay(day);
                faulty.setDay(day);
                expected.sync().assertSucceeded();
                actual.sync().assertSucceeded(); // the toolkit retries every injected fault
                assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
            }
            assertThat(faulty.injectedFaults()).allSatisfy((kind, count) -> {
                if (!kind.equals("latency")) {
                    assertThat(count).as(kind).isPositive();
                }
            });
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, 50)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void aWrongApiKeyFailsTheSyncWithoutShowingTheKey() {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = ConnectorTester.of(new NationalParksConnector(FAST)).configuration(Map.of(
                     "api_key", "not-the-key", "base_url", playground.baseUrl() + "/nps/api/v1"))) {
            SyncOutcome outcome = tester.sync().assertFailedWith("API_KEY_INVALID");
            assertThat(outcome.error()).contains("api_key=***").doesNotContain("not-the-key");
        }
    }

    @Test
    void theApiKeyIsRequired() {
        try (ConnectorTester tester = ConnectorTester.of(new NationalParksConnector(FAST)).configuration(Map.of())) {
            tester.sync().assertFailedWith("API key is missing from the configuration");
        }
    }

    static ConnectorTester newTester(Playground playground, int pageSize) {
        return ConnectorTester.of(new NationalParksConnector(FAST)).configuration(Map.of(
                "api_key", "playground-api-key",
                "base_url", playground.baseUrl() + "/nps/api/v1",
                "page_size", String.valueOf(pageSize)));
    }

    /** Every record the API serves now is in its table with the original's mapping, and live. */
    private static void assertWarehouseHoldsTheApisRecords(ConnectorTester tester, Playground playground)
            throws Exception {
        List<List<Object>> parks = new ArrayList<>();
        for (JsonNode p : NpsSource.records(playground, "parks")) {
            parks.add(List.of(p.get("id").asText(), p.get("fullName").asText(), p.get("description").asText(),
                    p.get("states").asText(), (float) p.get("latitude").asDouble(),
                    (float) p.get("longitude").asDouble(), joined(p.get("activities"), "name"), false));
        }
        assertThat(table(tester, "SELECT park_id, name, description, state, latitude, longitude, activities, "
                + "_fivetran_deleted FROM tester.parks")).isEqualTo(sorted(parks));

        List<List<Object>> people = new ArrayList<>();
        for (JsonNode p : NpsSource.records(playground, "people")) {
            people.add(List.of(p.get("id").asText(), p.get("title").asText(), p.get("listingDescription").asText(),
                    p.get("listingDescription").asText(), p.get("url").asText(), joined(p.get("relatedParks"),
                            "parkCode")));
        }
        assertThat(table(tester, "SELECT person_id, name, title, description, url, related_parks FROM tester.people"))
                .isEqualTo(sorted(people));

        List<List<Object>> articles = new ArrayList<>();
        for (JsonNode a : NpsSource.records(playground, "articles")) {
            articles.add(List.of(a.get("id").asText(), a.get("title").asText(), a.get("url").asText(),
                    joined(a.get("relatedParks"), "parkCode"), joined(a.get("relatedParks"), "fullName"),
                    joined(a.get("relatedParks"), "states"), a.get("listingDescription").asText(),
                    a.get("date").asText()));
        }
        assertThat(table(tester, "SELECT article_id, title, url, park_code, park_names, states, listing_description,"
                + " date FROM tester.articles")).isEqualTo(sorted(articles));

        Set<Object> alertIds = ids(NpsSource.records(playground, "alerts"));
        List<List<Object>> alerts = new ArrayList<>();
        for (JsonNode a : NpsSource.records(playground, "alerts")) {
            alerts.add(List.of(a.get("id").asText(), a.get("parkCode").asText(), a.get("title").asText(),
                    a.get("description").asText(), a.get("category").asText(), a.get("url").asText()));
        }
        assertThat(table(tester, "SELECT alert_id, park_code, title, description, category, url FROM tester.alerts")
                .stream().filter(row -> alertIds.contains(row.get(0))).toList()).isEqualTo(sorted(alerts));
    }

    private static List<List<Object>> table(ConnectorTester tester, String sql) {
        return sorted(tester.query(sql).stream().map(r -> (List<Object>) new ArrayList<>(r.values())).toList());
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        return rows.stream().sorted(Comparator.comparing(row -> (String) row.get(0))).toList();
    }

    private static String joined(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.get(field).asText()));
        return String.join(", ", values);
    }

    private static Set<Object> ids(List<JsonNode> records) {
        Set<Object> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    /** The keys of rows whose values differ between two reads of a table. */
    private static List<Object> changed(List<Map<String, Object>> before, List<Map<String, Object>> after,
                                        String key) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> old : before) {
            for (Map<String, Object> now : after) {
                if (now.get(key).equals(old.get(key))) {
                    Map<String, Object> a = new java.util.HashMap<>(old);
                    Map<String, Object> b = new java.util.HashMap<>(now);
                    a.remove("_fivetran_synced");
                    b.remove("_fivetran_synced");
                    if (!a.equals(b)) {
                        out.add(old.get(key));
                    }
                }
            }
        }
        return out;
    }
}

package io.tributary.examples.data_handling_patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataHandlingPatternsConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestPolicy FAST_RETRIES = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();

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
    void theAddressIsFlattenedIntoColumns() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            List<List<Object>> expected = new ArrayList<>();
            for (JsonNode u : source()) {
                JsonNode a = u.get("address");
                expected.add(List.of(u.get("id").asText(), u.get("name").asText(), a.get("street").asText(),
                        a.get("city").asText(), a.get("state").asText(), u.get("updatedAt").asText()));
            }
            List<List<Object>> actual = tester.query("SELECT id, name, address_street, address_city, address_state, "
                    + "updated_at FROM tester.users_flattened").stream()
                    .map(r -> List.<Object>of(r.get("id"), r.get("name"), r.get("address_street"), r.get("address_city"),
                            r.get("address_state"), instant(r.get("updated_at"))))
                    .toList();
            assertThat(sorted(actual)).hasSize(200).isEqualTo(sorted(expected));
            assertThat(columns(tester, "users_flattened")).doesNotContain("address", "orders", "metadata");
        }
    }

    @Test
    void theOrdersBecomeAChildTableThatPointsAtItsUser() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            List<List<Object>> expected = new ArrayList<>();
            for (JsonNode u : source()) {
                for (JsonNode o : u.get("orders")) {
                    expected.add(List.of(o.get("order_id").asText(), u.get("id").asText(), o.get("amount").asDouble(),
                            o.get("placed_at").asText()));
                }
            }
            List<List<Object>> actual = tester.query("SELECT order_id, user_id, amount, placed_at FROM tester.orders")
                    .stream().map(r -> List.<Object>of(r.get("order_id"), r.get("user_id"), r.get("amount"),
                            instant(r.get("placed_at")))).toList();
            assertThat(expected).hasSizeGreaterThan(200);
            assertThat(sorted(actual)).isEqualTo(sorted(expected));
            assertThat(tester.query("SELECT count(*) AS n FROM tester.users").get(0).get("n")).isEqualTo(200L);
            assertThat(tester.query("SELECT count(*) AS n FROM tester.orders o LEFT JOIN tester.users u "
                    + "ON o.user_id = u.user_id WHERE u.user_id IS NULL").get(0).get("n"))
                    .as("orders whose user is missing").isEqualTo(0L);
            assertThat(columns(tester, "users")).doesNotContain("orders");
        }
    }

    @Test
    void theMetadataStaysOneJsonValueWhateverItsShape() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            Map<String, JsonNode> expected = new java.util.TreeMap<>();
            source().forEach(u -> expected.put(u.get("id").asText(), u.get("metadata")));
            Map<String, JsonNode> actual = new java.util.TreeMap<>();
            for (Map<String, Object> r : tester.query("SELECT id, metadata FROM tester.users_metadata")) {
                actual.put((String) r.get("id"), JSON.readTree(String.valueOf(r.get("metadata"))));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(expected.values().stream().map(m -> m.size()).distinct().count())
                    .as("metadata objects with different keys").isGreaterThan(1);
            assertThat(columns(tester, "users_metadata")).containsExactlyInAnyOrder("id", "metadata", "name",
                    "_fivetran_deleted", "_fivetran_synced");
            assertThat(type(tester, "users_metadata", "metadata")).isEqualTo("JSON");
        }
    }

    @Test
    void aLaterSyncBringsOnlyTheChangedUsersIntoEveryTable() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            java.time.Instant cursor = java.time.Instant.parse(tester.state().getString("last_updated_at"));
            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            List<JsonNode> today = source();
            List<JsonNode> changed = today.stream()
                    .filter(u -> java.time.Instant.parse(u.get("updatedAt").asText()).isAfter(cursor)).toList();
            assertThat(changed).hasSize(25);
            long theirOrders = changed.stream().mapToLong(u -> u.get("orders").size()).sum();
            assertThat(second.counters().upserts()).as("25 users, 3 rows each, and their orders")
                    .isEqualTo(25 * 3 + theirOrders);
            assertThat(tester.query("SELECT count(*) AS n FROM tester.users_flattened").get(0).get("n")).isEqualTo(210L);
            for (JsonNode u : today) {
                Map<String, Object> row = tester.query("SELECT address_street FROM tester.users_flattened WHERE id = '"
                        + u.get("id").asText() + "'").get(0);
                assertThat(row.get("address_street")).isEqualTo(u.get("address").get("street").asText());
            }
        }
    }

    @Test
    void aFailedSyncLeavesEveryTableAsTheLastCheckpointDidAndTheNextCatchesUp() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            playground.nextDay();
            playground.setFaults("503:1,max:100");
            tester.sync().assertFailedWith("answered HTTP 503");
            assertThat(tester.snapshot()).isEqualTo(before);

            playground.clearFaults();
            tester.sync().assertSucceeded();
            assertThat(tester.query("SELECT count(*) AS n FROM tester.users").get(0).get("n")).isEqualTo(210L);
            assertThat(tester.query("SELECT count(*) AS n FROM tester.users_metadata").get(0).get("n")).isEqualTo(210L);
            long orders = source().stream().mapToLong(u -> u.get("orders").size()).sum();
            assertThat(tester.query("SELECT count(*) AS n FROM tester.orders").get(0).get("n")).isEqualTo(orders);
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester()) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester tester() {
        return ConnectorTester.of(new DataHandlingPatternsConnector(FAST_RETRIES))
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", "40"));
    }

    private List<JsonNode> source() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(playground.baseUrl() + "/nested/users?per_page=1000")).build();
        JsonNode body = JSON.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
        List<JsonNode> users = new ArrayList<>();
        body.get("data").forEach(users::add);
        return users;
    }

    private static List<String> columns(ConnectorTester tester, String table) {
        return tester.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'tester' "
                + "AND table_name = '" + table + "' ORDER BY column_name").stream()
                .map(r -> (String) r.get("column_name")).toList();
    }

    private static String type(ConnectorTester tester, String table, String column) {
        return (String) tester.query("SELECT data_type FROM information_schema.columns WHERE table_schema = 'tester' "
                + "AND table_name = '" + table + "' AND column_name = '" + column + "'").get(0).get("data_type");
    }

    private static String instant(Object value) {
        return ((OffsetDateTime) value).toInstant().toString();
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(r -> String.valueOf(r.get(0))));
        return copy;
    }
}

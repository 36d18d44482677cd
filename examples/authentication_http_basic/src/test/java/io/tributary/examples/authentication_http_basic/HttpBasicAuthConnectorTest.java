package io.tributary.examples.authentication_http_basic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpBasicAuthConnectorTest {
    private static final RequestPolicy FAST = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    /** One request per sync: its first two attempts always fail (the playground's max in a row),
     * the third is clean. */
    private static final String FAULTS = "429:0.3:0,500:0.3,503:0.2,reset:0.1,truncate:0.1";

    /** What the test's own client sends to read the expected users. */
    private static final String CREDENTIALS = "Basic cGxheWdyb3VuZDpwbGF5Z3JvdW5k";

    private Playground playground;

    @BeforeEach
    void start() {
        playground = Playground.start(0);
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    @Test
    void everyUserLandsAndTheNextDaysNewAndChangedUsersToo() throws Exception {
        try (ConnectorTester tester = newTester(Map.of())) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(200);
            List<List<String>> day0 = apiUsers();
            assertThat(day0).hasSize(200);
            assertThat(warehouse(tester)).isEqualTo(day0);
            assertThat(tester.state().isEmpty()).as("the original keeps no state").isTrue();

            playground.nextDay();
            tester.sync().assertSucceeded();
            List<List<String>> day1 = apiUsers();
            assertThat(warehouse(tester)).hasSize(210).isEqualTo(day1);
            assertThat(day1).as("10 new and 15 updated users").hasSize(210)
                    .filteredOn(u -> !day0.contains(u)).hasSize(25);
        }
    }

    @Test
    void aRefusedCredentialFailsNamingTheKeyAndLosesNothing() {
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            tester.configuration(config(Map.of("password", "wrong-password")));
            tester.sync().assertFailedWith("the API refused the username or password (HTTP 401)"
                    + "; check username and password in configuration.json");
            assertThat(tester.snapshot()).isEqualTo(before);
            assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isZero();
        }
    }

    @Test
    void aMissingCredentialIsNamed() {
        Map<String, String> config = config(Map.of());
        config.remove("password");
        try (ConnectorTester tester = ConnectorTester.of(new HttpBasicAuthConnector(FAST)).configuration(config)) {
            tester.sync().assertFailedWith("configuration key 'password' is required; "
                    + "add it to configuration.json");
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            clean = tester.snapshot();
        }
        playground.setDay(0);
        playground.setFaults(FAULTS);
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.sync().assertSucceeded(); // the toolkit retries every injected fault
            playground.nextDay();
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).isEqualTo(clean);
        }
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private Map<String, String> config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("username", "playground", "password", "playground",
                "base_url", playground.baseUrl()));
        values.putAll(overrides);
        return values;
    }

    private ConnectorTester newTester(Map<String, String> overrides) {
        return ConnectorTester.of(new HttpBasicAuthConnector(FAST)).configuration(config(overrides));
    }

    /** The users the endpoint serves today as (id, name, email, address, company, job, updatedAt, createdAt). */
    private List<List<String>> apiUsers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        playground.uri("/auth/http_basic?fault=none")).header("Authorization", CREDENTIALS).build(),
                HttpResponse.BodyHandlers.ofString());
        List<List<String>> users = new ArrayList<>();
        for (JsonNode u : new ObjectMapper().readTree(response.body()).get("data")) {
            users.add(List.of(u.get("id").asText(), u.get("name").asText(), u.get("email").asText(),
                    u.get("address").asText(), u.get("company").asText(), u.get("job").asText(),
                    u.get("updatedAt").asText(), u.get("createdAt").asText()));
        }
        users.sort(java.util.Comparator.comparing(u -> u.get(0)));
        return users;
    }

    private static List<List<String>> warehouse(ConnectorTester tester) {
        List<List<String>> users = new ArrayList<>();
        String sql = "SELECT * FROM tester.\"user\" WHERE NOT _fivetran_deleted ORDER BY id";
        for (Map<String, Object> r : tester.query(sql)) {
            users.add(List.of((String) r.get("id"), (String) r.get("name"), (String) r.get("email"),
                    (String) r.get("address"), (String) r.get("company"), (String) r.get("job"),
                    ((OffsetDateTime) r.get("updated_at")).toInstant().toString(),
                    ((OffsetDateTime) r.get("created_at")).toInstant().toString()));
        }
        return users;
    }
}

package io.tributary.examples.environment_driven_connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.sdk.SyncEnvironment;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvironmentDrivenConnectivityConnectorTest {
    private static final RequestPolicy FAST = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    private static final Map<String, Long> COUNTS = Map.of("people", 82L, "planets", 60L, "films", 6L,
            "species", 37L, "vehicles", 39L, "starships", 36L);

    /** Two copies of the API on two ports: the direct endpoint and the production mirror. */
    private Playground direct;
    private Playground mirror;

    @BeforeEach
    void start() {
        direct = Playground.start(0);
        mirror = Playground.start(0);
    }

    @AfterEach
    void stop() {
        direct.close();
        mirror.close();
    }

    @Test
    void aLocalDebugRunReadsEveryCollectionFromTheDebugEndpoint() {
        try (ConnectorTester tester = newTester()) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(260);
            COUNTS.forEach((table, rows) -> {
                assertThat(count(tester, table, "")).as(table).isEqualTo(rows);
                assertThat(count(tester, table, "WHERE url LIKE '" + direct.baseUrl() + "/swapi/api/" + table + "/%'"))
                        .as(table + " read from the direct endpoint").isEqualTo(rows);
            });
            assertThat(tester.query("SELECT data_type FROM information_schema.columns WHERE table_schema = 'tester' "
                    + "AND table_name = 'films' AND column_name IN ('release_date', 'edited', 'characters') "
                    + "ORDER BY column_name")).extracting(r -> r.get("data_type"))
                    .containsExactly("JSON", "TIMESTAMP WITH TIME ZONE", "DATE");
            assertThat(tester.query("SELECT json_array_length(films) AS n FROM tester.people WHERE url = '"
                    + direct.baseUrl() + "/swapi/api/people/1/'").get(0).get("n")).isNotNull();
            assertThat(tester.state().isEmpty()).as("the original keeps no cursor").isTrue();
        }
    }

    @Test
    void aDeployedRunReadsTheProductionMirrorInstead() {
        try (ConnectorTester tester = newTester().environment(SyncEnvironment.server("conn_1", "group_1", "swapi"))) {
            tester.sync().assertSucceeded();
            COUNTS.forEach((table, rows) -> assertThat(count(tester, table,
                    "WHERE url LIKE '" + mirror.baseUrl() + "/swapi/api/" + table + "/%'")).as(table).isEqualTo(rows));
            assertThat(count(tester, "people", "WHERE url LIKE '" + direct.baseUrl() + "%'")).isZero();
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester()) {
            tester.sync().assertSucceeded();
            clean = tester.snapshot();
        }
        direct.setFaults("429:0.2:0,500:0.2,503:0.1,reset:0.05,truncate:0.05");
        try (ConnectorTester tester = newTester()) {
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).isEqualTo(clean);
        }
        assertThat(direct.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void aBaseUrlThatIsNotTheApiRootFailsSayingWhatToCheckAndLosesNothing() {
        try (ConnectorTester tester = newTester()) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            tester.configuration(config(direct.baseUrl() + "/jsonplaceholder/posts"));
            tester.sync().assertFailedWith("the API root at " + direct.baseUrl() + "/jsonplaceholder/posts lists no "
                    + "collections; check that the base URL points at the Star Wars API's root, like "
                    + "https://swapi.py4e.com/api");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester()) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester newTester() {
        return ConnectorTester.of(new EnvironmentDrivenConnectivityConnector(FAST))
                .configuration(config(direct.baseUrl() + "/swapi/api"));
    }

    private Map<String, String> config(String debugBaseUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("debug_base_url", debugBaseUrl);
        values.put("production_base_url", mirror.baseUrl() + "/swapi/api");
        return values;
    }

    private static long count(ConnectorTester tester, String table, String where) {
        List<Map<String, Object>> rows = tester.query("SELECT count(*) AS n FROM tester." + table + " " + where);
        return ((Number) rows.get(0).get("n")).longValue();
    }
}

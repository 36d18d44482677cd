package io.tributary.examples.configuration_form;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.ConfigurationForm;
import io.tributary.sdk.FormField;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigurationFormConnectorTest {
    private static final RequestPolicy FAST = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    private static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02";

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
    void theFormHasEveryKindOfFieldAndOneConnectionTest() {
        ConfigurationForm form = new ConfigurationFormConnector().configurationForm();
        assertThat(form.fields()).extracting(FormField::name, FormField::kind, FormField::required).containsExactly(
                org.assertj.core.groups.Tuple.tuple("api_base_url", FormField.Kind.TEXT, true),
                org.assertj.core.groups.Tuple.tuple("api_key", FormField.Kind.PASSWORD, true),
                org.assertj.core.groups.Tuple.tuple("batch_size", FormField.Kind.DROPDOWN, false),
                org.assertj.core.groups.Tuple.tuple("enable_metrics", FormField.Kind.TOGGLE, false),
                org.assertj.core.groups.Tuple.tuple("sync_mode", FormField.Kind.DROPDOWN, false));
        assertThat(form.fields().get(2).options()).extracting(FormField.Option::value).containsExactly("10", "100", "500");
        assertThat(form.fields().get(4).options()).extracting(FormField.Option::value, FormField.Option::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("full", "Full Sync"),
                        org.assertj.core.groups.Tuple.tuple("incremental", "Incremental Sync"));
        assertThat(form.fields().get(4).options()).allSatisfy(o -> assertThat(o.description()).isNotBlank());
        assertThat(form.tests()).extracting(ConfigurationForm.SetupTest::name, ConfigurationForm.SetupTest::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("connection_test", "Test connection"));
    }

    @Test
    void theConnectionTestPassesWithTheShippedValuesAndSaysWhatToFixOtherwise() throws Exception {
        assertThat(connectionTest(config(Map.of())).isSuccess()).isTrue();
        assertThat(connectionTest(config(Map.of("api_key", "wrong"))).message())
                .isEqualTo("API returned status code: 401; check api_key");
        assertThat(connectionTest(config(Map.of("api_base_url", playground.baseUrl() + "/nothing_here"))).message())
                .isEqualTo("API returned status code: 404; check api_base_url");
        assertThat(connectionTest(config(Map.of("api_base_url", ""))).message()).isEqualTo("api_base_url is required.");
        assertThat(connectionTest(config(Map.of("api_key", " "))).message()).isEqualTo("api_key is required.");
        assertThat(connectionTest(config(Map.of("api_base_url", "not a url"))).message())
                .startsWith("api_base_url is not a valid URL");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThat(connectionTest(config(Map.of("api_base_url", "http://127.0.0.1:" + closedPort))).message())
                .isEqualTo("Could not connect to the API. Check your api_base_url.");
    }

    @Test
    void incrementalModeReadsOnlyNewPostsAndFullModeRereadsAll() {
        try (ConnectorTester tester = newTester(Map.of())) {
            SyncOutcome first = tester.sync().assertSucceeded();
            assertThat(first.counters().upserts()).isEqualTo(100);
            assertThat(first.counters().checkpoints()).as("one per batch of 10").isEqualTo(10);
            assertThat(tester.state().getInt("cursor", -1)).isEqualTo(100);
            assertThat(ids(tester)).hasSize(100).startsWith(1L).endsWith(100L);

            playground.nextDay();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("the 5 new posts").isEqualTo(5);
            assertThat(tester.state().getInt("cursor", -1)).isEqualTo(105);

            tester.configuration(config(Map.of("sync_mode", "full")).asMap());
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(105);
            assertThat(ids(tester)).hasSize(105);
            assertThat(tester.rows("post").get(0)).containsKeys("id", "user_id", "title", "body")
                    .containsEntry("_fivetran_deleted", false);
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
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).isEqualTo(clean);
        }
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void aRefusedKeyFailsTheSyncNamingApiKeyAndLosesNothing() {
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            tester.configuration(config(Map.of("api_key", "expired-key")).asMap());
            tester.sync().assertFailedWith("the API refused the api_key (HTTP 401); check api_key");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void formValuesOutsideTheChoicesAreNamed() {
        try (ConnectorTester tester = newTester(Map.of("batch_size", "7"))) {
            tester.sync().assertFailedWith("batch_size must be 10, 100 or 500, got 7");
        }
        try (ConnectorTester tester = newTester(Map.of("sync_mode", "sometimes"))) {
            tester.sync().assertFailedWith("sync_mode must be full or incremental, got 'sometimes'");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static io.tributary.sdk.Test connectionTest(Configuration configuration) {
        return new ConfigurationFormConnector().configurationForm().tests().get(0).check().apply(configuration);
    }

    /** The shipped configuration.json's values, pointed at this playground, with {@code overrides}. */
    private Configuration config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "api_base_url", playground.baseUrl() + "/jsonplaceholder/bearer",
                "api_key", "playground-api-key",
                "batch_size", "10",
                "enable_metrics", "true",
                "sync_mode", "incremental"));
        values.putAll(overrides);
        return Configuration.of(values);
    }

    private ConnectorTester newTester(Map<String, String> overrides) {
        return ConnectorTester.of(new ConfigurationFormConnector(FAST)).configuration(config(overrides).asMap());
    }

    private static List<Object> ids(ConnectorTester tester) {
        return tester.query("SELECT id FROM tester.post WHERE NOT _fivetran_deleted ORDER BY id").stream()
                .map(r -> r.get("id")).toList();
    }
}

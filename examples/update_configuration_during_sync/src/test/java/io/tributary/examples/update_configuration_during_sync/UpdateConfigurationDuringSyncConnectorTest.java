package io.tributary.examples.update_configuration_during_sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local runs: the connector syncs and keeps the new token to itself, since there is no connection to save it in. */
class UpdateConfigurationDuringSyncConnectorTest {
    private static final RequestPolicy FAST = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
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
    void aLocalRunLogsInSyncsEveryUserAndRecordsWhenItLoggedIn() {
        try (ConnectorTester tester = tester(config(Map.of()))) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(200);
            assertThat(tester.rows("user")).hasSize(200);
            assertThat(tester.state().getString(SavedSessionToken.REFRESHED_AT)).isNotBlank();
        }
    }

    @Test
    void missingKeysAreNamedTogether() {
        Map<String, String> config = config(Map.of());
        config.remove("password");
        config.remove("fivetran_api_key");
        try (ConnectorTester tester = tester(config)) {
            tester.sync().assertFailedWith("configuration is missing password, fivetran_api_key; add them to "
                    + "configuration.json");
        }
    }

    @Test
    void aRefusedLoginNamesTheKeysToCheckAndLosesNothing() {
        try (ConnectorTester tester = tester(config(Map.of()))) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            playground.expireTokens();
            tester.configuration(config(Map.of("password", "wrong")));
            tester.sync().assertFailedWith("the login was refused (HTTP 401); check username and password in "
                    + "configuration.json");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    private ConnectorTester tester(Map<String, String> config) {
        return ConnectorTester.of(new UpdateConfigurationDuringSyncConnector(FAST)).configuration(config);
    }

    private Map<String, String> config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("username", "playground", "password", "playground",
                "fivetran_api_key", "a2V5OnNlY3JldA==", "base_url", playground.baseUrl()));
        values.putAll(overrides);
        return values;
    }
}

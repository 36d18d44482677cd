package io.tributary.examples.complexconfigurationoptions;

import static io.tributary.examples.complexconfigurationoptions.ApiSettingsTest.shippedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.testkit.ConnectorTester;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplexConfigurationConnectorTest {

    private static ConnectorTester tester(Map<String, String> configuration) {
        return ConnectorTester.of(new ComplexConfigurationConnector()).configuration(configuration);
    }

    @Test
    void firstSyncWritesTheHelloWorldRow() throws IOException {
        try (ConnectorTester tester = tester(shippedWith("unused", null))) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("crypto")).extracting(r -> r.get("msg"), r -> r.get("_fivetran_deleted"))
                    .containsExactly(tuple("hello world", false));
            assertThat(tester.state().toJson()).isEqualTo("{}");
        }
    }

    @Test
    void repeatedSyncsKeepOneRow() throws IOException {
        try (ConnectorTester tester = tester(shippedWith("unused", null))) {
            for (int i = 0; i < 3; i++) {
                tester.sync().assertSucceeded();
            }
            assertThat(tester.rows("crypto")).extracting(r -> r.get("msg")).containsExactly("hello world");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void badConfigurationFailsBeforeAnyRowIsWritten() throws IOException {
        try (ConnectorTester tester = tester(shippedWith("api_quota", "12,345"))) {
            tester.sync().assertFailedWith("configuration key 'api_quota' must be a whole number, got \"12,345\"");

            // Not even the declared table: it is created in the sync's transaction, which never commits.
            assertThat(tester.query("SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'tester'"))
                    .extracting(r -> r.get("n")).containsExactly(0L);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void aMissingKeyFailsALaterSyncAndKeepsTheEarlierRow() throws IOException {
        try (ConnectorTester tester = tester(shippedWith("unused", null))) {
            tester.sync().assertSucceeded();
            List<Map<String, Object>> before = tester.rows("crypto");

            tester.configuration(shippedWith("currencies", null)).sync()
                    .assertFailedWith("Missing required configuration value: currencies");

            assertThat(tester.rows("crypto")).isEqualTo(before);
        }
    }

    @Test
    void resumesFromEveryCheckpoint() throws IOException {
        try (ConnectorTester tester = tester(shippedWith("unused", null))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }
}

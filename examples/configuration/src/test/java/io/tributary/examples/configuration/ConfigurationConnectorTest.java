package io.tributary.examples.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.macasaet.fernet.Key;
import com.macasaet.fernet.Token;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationConnectorTest {
    private static final String SHIPPED_MESSAGE = "If you can read this, you have the correct key";

    /** The configuration.json of this example, as `tributary debug` reads it. */
    private static Map<String, String> shippedConfiguration() throws IOException {
        return new ObjectMapper().readValue(Path.of("configuration.json").toFile(), new TypeReference<>() { });
    }

    private static Map<String, String> configuration(Key key, String plainText) {
        return Map.of("fernet_key", key.serialise(),
                "encrypted_message", Token.generate(key, plainText).serialise());
    }

    private static long tableCount(ConnectorTester tester) {
        return (Long) tester.query("SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'tester'")
                .get(0).get("n");
    }

    @Test
    void shippedConfigurationDecryptsToTheOriginalMessage() throws IOException {
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(shippedConfiguration())) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("crypto"))
                    .extracting(r -> r.get("msg"), r -> r.get("_fivetran_deleted"))
                    .containsExactly(tuple(SHIPPED_MESSAGE, false));
            assertThat(tester.state().toJson()).isEqualTo("{}");
        }
    }

    @Test
    void repeatedSyncsKeepOneRowKeyedByTheMessage() throws IOException {
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(shippedConfiguration())) {
            for (int i = 0; i < 3; i++) {
                tester.sync().assertSucceeded();
            }
            assertThat(tester.rows("crypto")).extracting(r -> r.get("msg")).containsExactly(SHIPPED_MESSAGE);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void decryptsATokenMadeWithAFreshKey() {
        Key key = Key.generateKey();
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(configuration(key, "made in a test"))) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("crypto")).extracting(r -> r.get("msg")).containsExactly("made in a test");
            assertThat(tester.query("SELECT data_type FROM information_schema.columns WHERE table_schema = 'tester' "
                    + "AND table_name = 'crypto' AND column_name = 'msg'"))
                    .extracting(r -> r.get("data_type")).containsExactly("VARCHAR");
        }
    }

    @Test
    void aNewMessageAddsASecondRowBecauseTheMessageIsTheKey() {
        Key key = Key.generateKey();
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(configuration(key, "first"))) {
            tester.sync().assertSucceeded();
            tester.configuration(configuration(key, "second")).sync().assertSucceeded();

            assertThat(tester.rows("crypto")).extracting(r -> r.get("msg"), r -> r.get("_fivetran_deleted"))
                    .containsExactly(tuple("first", false), tuple("second", false));
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void wrongKeyFailsAndKeepsWhatWasSynced() throws IOException {
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(shippedConfiguration())) {
            tester.sync().assertSucceeded();
            List<Map<String, Object>> before = tester.rows("crypto");

            Map<String, String> wrongKey = new HashMap<>(shippedConfiguration());
            wrongKey.put("fernet_key", Key.generateKey().serialise());
            tester.configuration(wrongKey).sync()
                    .assertFailedWith("cannot decrypt 'encrypted_message': Signature does not match. Was it")
                    .assertFailedWith("Was it encrypted with this key?");

            assertThat(tester.rows("crypto")).isEqualTo(before);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void missingKeyFailsInSchemaBeforeAnyTableExists() {
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(Map.of("encrypted_message", "gAAAAAB"))) {
            tester.sync().assertFailedWith("Could not find 'fernet_key'");
            assertThat(tableCount(tester)).isZero();
        }
    }

    @Test
    void missingMessageFails() {
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(Map.of("fernet_key", Key.generateKey().serialise()))) {
            tester.sync().assertFailedWith("Could not find 'encrypted_message'");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void malformedKeyFailsWithoutEchoingTheSecret() {
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(Map.of("fernet_key", "c2hvcnQ=", "encrypted_message", "gAAAAAB"))) {
            SyncOutcome outcome = tester.sync()
                    .assertFailedWith("'fernet_key': Fernet key must be 32 url-safe base64-encoded bytes");
            assertThat(outcome.error()).doesNotContain("c2hvcnQ=");
        }
    }

    @Test
    void malformedTokenFails() {
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(Map.of("fernet_key", Key.generateKey().serialise(), "encrypted_message", "hello"))) {
            tester.sync().assertFailedWith("'encrypted_message' is not a Fernet token");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() throws IOException {
        try (ConnectorTester tester = ConnectorTester.of(new ConfigurationConnector())
                .configuration(shippedConfiguration())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }
}

package io.tributary.examples.ssh_tunnels;

import static io.tributary.examples.ssh_tunnels.Configurations.tester;
import static io.tributary.examples.ssh_tunnels.Configurations.with;
import static io.tributary.examples.ssh_tunnels.TunnelChecks.assertTunnelClosed;
import static io.tributary.examples.ssh_tunnels.TunnelChecks.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.jdbc.testing.TestPostgres;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bastion original: {@code sample_users} in a PostgreSQL that the connector reaches only through the SSH server
 * (the bastion), logged in to with a base64-encoded PEM key as the original takes it, and read incrementally.
 */
class PostgresThroughTunnelTest {
    private static KeyPair clientKey;

    private TestPostgres.Database db;
    private TestSshServer bastion;

    @BeforeAll
    static void generateKey() throws Exception {
        clientKey = TestKeys.rsa();
    }

    @BeforeEach
    void start() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute(Files.readString(Path.of("sample_source.sql")));
        bastion = TestSshServer.start(clientKey.getPublic());
    }

    @AfterEach
    void stop() throws Exception {
        bastion.close();
    }

    @Test
    void everyRowLandsThroughTheBastionThenOnlyTheChangedOnes() throws Exception {
        int localPort = freePort();
        try (ConnectorTester tester = tester(with(databaseBehindBastion(), Map.of("local_port",
                String.valueOf(localPort))))) {
            SyncOutcome first = tester.sync().assertSucceeded();
            assertThat(first.counters().upserts()).isEqualTo(40);
            assertThat(first.counters().checkpoints()).as("every 7 rows, and at the end").isEqualTo(6);
            assertThat(warehouse(tester)).isEqualTo(source());
            assertThat(tester.state().getString("last_modified")).isEqualTo("2025-01-01T00:08:00Z");
            assertThat(tester.state().getString("last_id")).isEqualTo("u040");

            // Three changed rows share one new modified_at, and one row is new.
            db.execute("UPDATE sample_users SET name = name || ' (renamed)', modified_at = '2025-02-01T00:00:00Z' "
                            + "WHERE id IN ('u003', 'u017', 'u031')",
                    "INSERT INTO sample_users VALUES ('u041', 'User 41', '2025-02-01T00:00:00Z')");
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(4);
            assertThat(warehouse(tester)).isEqualTo(source());
            assertThat(tester.state().getString("last_id")).isEqualTo("u041");
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();
        }
        assertThat(bastion.forwards()).as("the database was reached from the bastion only")
                .isNotEmpty().containsOnly("127.0.0.1:" + db.port());
        assertThat(bastion.sessionsAccepted()).as("one tunnel per sync").isEqualTo(3);
        assertTunnelClosed(localPort, bastion);
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(databaseBehindBastion())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void aWrongDatabasePasswordIsNamedAndLosesNothing() {
        try (ConnectorTester tester = tester(databaseBehindBastion())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            tester.configuration(with(databaseBehindBastion(), Map.of("db_password", "not-the-password")));
            tester.sync().assertFailedWith("cannot connect to database '" + db.name() + "' at 127.0.0.1:" + db.port()
                            + " (through the SSH tunnel) as '" + TestPostgres.USER + "'")
                    .assertFailedWith("check db_user and db_password in configuration.json");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
        TunnelChecks.assertNoClientThreadsLeft();
    }

    @Test
    void aDatabaseTheBastionCannotReachIsNamed() throws Exception {
        int closedPort = freePort();
        try (ConnectorTester tester = tester(with(databaseBehindBastion(),
                Map.of("remote_port", String.valueOf(closedPort))))) {
            tester.sync().assertFailedWith("the SSH server at 127.0.0.1:" + bastion.port() + " did not open a "
                    + "connection to 127.0.0.1:" + closedPort + ": connect failed. Check remote_host and remote_port");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    /** The bastion original's setup: a key-based login to the bastion, and the database as the bastion sees it. */
    private Map<String, String> databaseBehindBastion() {
        Map<String, String> configuration = Configurations.sshServer(bastion);
        configuration.put("source", "postgres");
        configuration.put("ssh_private_key", TestKeys.base64(TestKeys.pem(clientKey)));
        configuration.put("remote_host", "127.0.0.1");
        configuration.put("remote_port", String.valueOf(db.port()));
        configuration.put("db_name", db.name());
        configuration.put("db_user", TestPostgres.USER);
        configuration.put("db_password", TestPostgres.PASSWORD);
        configuration.put("batch_size", "7");
        return configuration;
    }

    /** (id, name, modified_at) of every source row, by id. */
    private List<List<String>> source() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : db.query("SELECT id, name, modified_at FROM sample_users ORDER BY id")) {
            rows.add(List.of((String) r.get("id"), (String) r.get("name"),
                    ((Timestamp) r.get("modified_at")).toInstant().toString()));
        }
        return rows;
    }

    private static List<List<String>> warehouse(ConnectorTester tester) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : tester.query("SELECT id, name, modified_at FROM tester.sample_users "
                + "WHERE NOT _fivetran_deleted ORDER BY id")) {
            rows.add(List.of((String) r.get("id"), (String) r.get("name"),
                    ((OffsetDateTime) r.get("modified_at")).toInstant().toString()));
        }
        return rows;
    }
}

package io.tributary.destination.postgres;

import static io.tributary.destination.contract.Connectors.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.destination.contract.Connectors;
import io.tributary.destination.contract.Warehouse;
import io.tributary.runtime.destination.DestinationException;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Table;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL's refusals reach the user as messages that name what failed and say what to do. */
class ErrorMessagesTest {
    private PostgresUnderTest target;

    @BeforeEach
    void open() throws Exception {
        target = new PostgresUnderTest();
    }

    @AfterEach
    void close() throws Exception {
        target.close();
    }

    @Test
    void aServerThatIsNotThereIsNamedWithoutThePassword() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/warehouse?password=hunter2&connectTimeout=2";
        assertThatThrownBy(() -> new PostgresDestination(url, "loader", null, "tester"))
                .isInstanceOf(DestinationException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + port + "/warehouse (schema tester)")
                .hasMessageContaining("Check that PostgreSQL is running and accepts TCP connections")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        String url = "jdbc:postgresql://localhost:" + PostgresUnderTest.server().getPort() + "/no_such_database";
        assertThatThrownBy(() -> new PostgresDestination(url, "postgres", "postgres", "tester"))
                .isInstanceOf(DestinationException.class)
                .hasMessageContaining("no_such_database").hasMessageContaining("Create the database");
    }

    @Test
    void aUserWhoMayNotCreateSchemasIsToldWhatToGrant() throws Exception {
        String role = "limited_" + target.database;
        try (Connection c = target.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw'");
        }
        try {
            assertThatThrownBy(() -> new PostgresDestination(target.url, role, "pw", "tester"))
                    .isInstanceOf(DestinationException.class)
                    .hasMessageContaining("schema tester").hasMessageContaining("permission denied")
                    .hasMessageContaining("GRANT CREATE ON DATABASE <database> TO " + role);
            try (Connection c = target.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA tester AUTHORIZATION " + role);
                st.execute("CREATE SCHEMA _tributary AUTHORIZATION " + role);
            }
            try (PostgresDestination d = new PostgresDestination(target.url, role, "pw", "tester")) {
                var result = new SyncRunner(SyncOptions.defaults()).run(Connectors.withSchema(List.of(
                        Table.named("users").primaryKey("id")), (c, s, ops) -> ops.upsert("users", row("id", 1))),
                        Configuration.empty(), null, d, state -> { });
                assertThat(result.succeeded()).as("schemas an administrator made for the user: " + result.error())
                        .isTrue();
            }
        } finally {
            try (Connection c = PostgresUnderTest.admin(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + target.database + " WITH (FORCE)");
                st.execute("DROP ROLE " + role);
                st.execute("CREATE DATABASE " + target.database);
            }
        }
    }

    @Test
    void aTableTributaryDidNotCreateIsNotTakenOver() throws Exception {
        try (Connection c = target.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA tester");
            st.execute("CREATE TABLE tester.users (id bigint PRIMARY KEY, mine text)");
            st.execute("INSERT INTO tester.users VALUES (1, 'keep me')");
        }
        Warehouse w = new Warehouse(target, "tester");
        var result = w.sync(Connectors.withSchema(List.of(Table.named("users").primaryKey("id")),
                (c, s, ops) -> ops.upsert("users", row("id", 1, "name", "ada"))));
        assertThat(result.error()).contains("cannot create table tester.users", "already exists",
                "_tributary.tables has no layout for it", "drop or rename it");
        assertThat(w.rows("SELECT id, mine FROM tester.users")).containsExactly(row("id", 1L, "mine", "keep me"));
    }

    @Test
    void aConnectionSourceServesAsGivenAndItsFailureIsNamed() throws Exception {
        try (PostgresDestination d = new PostgresDestination(target::connect, "tester")) {
            assertThat(d.committedState()).isEmpty();
        }
        assertThatThrownBy(() -> new PostgresDestination(() -> {
            throw new java.sql.SQLException("pool exhausted", "08001");
        }, "tester")).isInstanceOf(DestinationException.class)
                .hasMessageStartingWith("cannot open PostgreSQL destination (schema tester): pool exhausted. Check that");
    }
}

package io.tributary.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.jdbc.testing.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each failure a connector author meets names the table or column and says what to do. */
class ErrorsTest {
    private static TestPostgres.Database db;

    @BeforeAll
    static void seed() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute("CREATE TABLE customers (id int PRIMARY KEY, email text, updated_at timestamptz NOT NULL)",
                "CREATE TABLE orders (id int PRIMARY KEY)",
                "CREATE TABLE audit_log (at timestamptz NOT NULL, line text)",
                "CREATE SCHEMA other", "CREATE TABLE other.customers (other_id int PRIMARY KEY)",
                "INSERT INTO customers SELECT g, 'c' || g, now() FROM generate_series(1, 5000) g");
        try (Connection admin = DriverManager.getConnection(db.url(), "postgres", "");
             Statement st = admin.createStatement()) {
            st.execute("CREATE TABLE payroll (id int PRIMARY KEY, salary numeric(10,2))"); // not granted to the user
        }
    }

    @Test
    void anUnknownTableListsTheTablesTheUserCanSee() throws Exception {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> SourceTable.describe(c, "custmers"))
                    .isInstanceOf(JdbcSourceException.class)
                    .hasMessage("table 'custmers' does not exist in the source database, or user 'tributary_reader' "
                            + "may not see it. Tables in schema 'public': audit_log, customers, orders, payroll. Check the "
                            + "table name in the configuration.");
            assertThatThrownBy(() -> SourceTable.describe(c, "nope.customers"))
                    .hasMessageContaining("Schema 'nope' has no tables this user can see");
        }
    }

    @Test
    void namesAreFoundInTheSchemaOnTheSearchPathOrAsQualified() throws Exception {
        try (Connection c = db.connect()) {
            assertThat(SourceTable.describe(c, "CUSTOMERS").qualifiedName()).isEqualTo("public.customers");
            assertThat(SourceTable.describe(c, "other.customers").primaryKey()).containsExactly("other_id");
            assertThat(SourceTable.list(c, "public")).containsExactly("audit_log", "customers", "orders", "payroll");
        }
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() throws Exception {
        try (Connection c = db.connect()) {
            SourceTable customers = SourceTable.describe(c, "customers");
            assertThatThrownBy(() -> TableRead.keyset(customers, "updatd_at"))
                    .isInstanceOf(JdbcSourceException.class)
                    .hasMessage("table public.customers has no column 'updatd_at' (wanted as the replication key); "
                            + "its columns are [id, email, updated_at]. Check the column name in the configuration.");
        }
    }

    @Test
    void aKeysetReadOfATableWithoutAPrimaryKeySaysWhatToAdd() throws Exception {
        try (Connection c = db.connect()) {
            SourceTable log = SourceTable.describe(c, "audit_log");
            assertThatThrownBy(() -> TableRead.keyset(log, "at"))
                    .isInstanceOf(JdbcSourceException.class)
                    .hasMessageContaining("table public.audit_log has no primary key, and a keyset read on [at] needs "
                            + "one to order rows that share a key value. Add a primary key");
            // A replication key alone needs no primary key, but may not page.
            TableRead byKey = TableRead.replicationKey(log, "at");
            assertThatThrownBy(() -> byKey.pageSize(100)).hasMessageContaining("use TableRead.keyset");
        }
    }

    @Test
    void aWrongPasswordIsALoginProblemAndNeverShowsAPassword() {
        assertThatThrownBy(() -> Jdbc.connect(db.url(), TestPostgres.USER, "wrong-pw-1c9e"))
                .isInstanceOf(JdbcSourceException.class)
                .hasMessageStartingWith("cannot log in to " + db.url() + " as 'tributary_reader': ")
                .hasMessageContaining("password authentication failed")
                .hasMessageContaining("SQLState 28P01")
                .hasMessageEndingWith("Check the user and password in the configuration.")
                .message().doesNotContain("wrong-pw-1c9e").doesNotContain(TestPostgres.PASSWORD);
    }

    @Test
    void otherConnectionFailuresSayWhereToLook() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> Jdbc.connect("jdbc:postgresql://127.0.0.1:" + closedPort + "/x", "u", "p"))
                .hasMessageStartingWith("cannot reach the database at jdbc:postgresql://127.0.0.1:" + closedPort)
                .hasMessageContaining("Check the host and port");
        assertThatThrownBy(() -> Jdbc.connect("jdbc:postgresql://127.0.0.1:" + db.port() + "/no_such_db",
                TestPostgres.USER, TestPostgres.PASSWORD))
                .hasMessageContaining("the database in jdbc:postgresql://127.0.0.1:" + db.port() + "/no_such_db does "
                        + "not exist").hasMessageContaining("Check the database name");
        assertThatThrownBy(() -> Jdbc.connect("jdbc:nosuchdb://h/d?password=hunter2", "u", "p"))
                .hasMessageStartingWith("no JDBC driver on the classpath accepts jdbc:nosuchdb://h/d?password=***");
    }

    @Test
    void aTableTheUserMayNotReadSaysToGrantSelect() throws Exception {
        try (Connection c = db.connect()) {
            TableRead read = TableRead.byPrimaryKey(SourceTable.describe(c, "payroll"));
            assertThatThrownBy(() -> read.read(c, read.start(), row -> { }))
                    .isInstanceOf(JdbcSourceException.class)
                    .hasMessageStartingWith("reading public.payroll failed after 0 rows: ")
                    .hasMessageContaining("permission denied")
                    .hasMessageContaining("Grant the connector's user SELECT on the table")
                    .hasMessageContaining("Query: SELECT \"id\", \"salary\" FROM \"public\".\"payroll\"");
            assertThat(c.getAutoCommit()).as("autocommit is restored after a failure").isTrue();
        }
    }

    @Test
    void aConnectionLostMidReadSaysHowFarItGotAndThatTheNextSyncResumes() throws Exception {
        try (Connection c = db.connect(); Connection admin = TestPostgres.superuser()) {
            int pid;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            TableRead read = TableRead.keyset(SourceTable.describe(c, "customers"), "updated_at").fetchSize(100);
            AtomicInteger seen = new AtomicInteger();
            assertThatThrownBy(() -> read.read(c, read.start(), row -> {
                if (seen.incrementAndGet() == 150) {
                    try (Statement st = admin.createStatement()) {
                        st.execute("SELECT pg_terminate_backend(" + pid + ")");
                    }
                }
            }))
                    .isInstanceOf(JdbcSourceException.class)
                    .hasMessageStartingWith("reading public.customers failed after 200 rows: ")
                    .hasMessageContaining("terminating connection due to administrator command")
                    .hasMessageContaining("The connection to the source was lost; the next sync resumes from the "
                            + "last checkpoint");
        }
    }

    @Test
    void anExceptionFromTheHandlerComesOutAsItIs() throws Exception {
        IllegalStateException stop = new IllegalStateException("stop here");
        try (Connection c = db.connect()) {
            TableRead read = TableRead.byPrimaryKey(SourceTable.describe(c, "customers"));
            assertThatThrownBy(() -> read.read(c, read.start(), row -> {
                throw stop;
            })).isSameAs(stop);
            assertThat(c.getAutoCommit()).isTrue();
        }
    }
}

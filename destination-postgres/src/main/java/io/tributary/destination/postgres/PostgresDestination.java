package io.tributary.destination.postgres;

import static io.tributary.destination.postgres.Sql.quote;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.destination.DestinationException;
import io.tributary.runtime.destination.StagedTable;
import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.runtime.schema.TableSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A PostgreSQL schema as a destination. The runtime's bookkeeping (table layouts, committed state, fence token)
 * lives in schema {@code _tributary} of the same database, keyed by target schema, so data and state commit in one
 * transaction. Batches are streamed through COPY into temporary staging tables and merged with one set-based
 * statement per table at each commit.
 */
public final class PostgresDestination implements Destination {
    /** General merges of at least this many staged rows analyse staging first: temporary tables have no statistics. */
    private static final long ANALYZE_ROWS = 10_000;
    private final String schema;
    private final String where;
    private final Connection connection;
    private final CopyManager copy;
    private final Metadata metadata;
    /** Layouts as committed, and as changed by the open transaction. */
    private Map<String, TableSchema> committed;
    private final Map<String, TableSchema> current = new LinkedHashMap<>();
    private final Map<String, StagedTable> staging = new HashMap<>();
    private int stagingCounter;
    private Long fence;

    /** Connects with {@link DriverManager}; {@code jdbcUrl} as {@code jdbc:postgresql://host:5432/database}. */
    public PostgresDestination(String jdbcUrl, String user, String password, String schema) {
        this(() -> DriverManager.getConnection(jdbcUrl, user, password), Errors.describe(jdbcUrl), user, schema);
    }

    /**
     * Takes one connection from {@code connections} and keeps it until {@link #close}. The destination sets the
     * session's TimeZone (UTC), DateStyle (ISO) and extra_float_digits (1), which its casts depend on.
     */
    public PostgresDestination(ConnectionSource connections, String schema) {
        this(connections, null, null, schema);
    }

    private PostgresDestination(ConnectionSource connections, String where, String user, String schema) {
        this.schema = schema;
        Connection c = null;
        try {
            c = connections.open();
            where = where != null ? where : Errors.describe(c.getMetaData().getURL());
            user = user != null ? user : c.getMetaData().getUserName();
            c.setAutoCommit(false);
            Setup.prepare(c, schema);
            this.where = where;
            this.connection = c;
            this.copy = c.unwrap(PGConnection.class).getCopyAPI();
            this.metadata = new Metadata(c, schema);
            committed = metadata.tables();
            current.putAll(committed);
        } catch (SQLException e) {
            closeQuietly(c);
            throw Errors.open(where, user, schema, e);
        } catch (Exception e) {
            closeQuietly(c);
            throw new DestinationException(Errors.opening(where, schema) + e.getMessage(), e);
        }
    }

    /** The JDBC connection, for reading the warehouse (tests, inspection). Not for use during a sync. */
    public Connection connection() {
        return connection;
    }

    @Override
    public List<TableSchema> tables() {
        return List.copyOf(committed.values());
    }

    @Override
    public Optional<String> committedState() {
        try {
            return metadata.state();
        } catch (SQLException e) {
            throw new DestinationException("cannot read the committed state of schema " + schema + " from " + where
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void fence(long token) {
        this.fence = token;
    }

    @Override
    public void applySchema(TableSchema table) {
        TableSchema before = current.get(table.name());
        try (Statement st = connection.createStatement()) {
            if (fence != null) { // fail before DDL would lock the newer sync's tables
                refuseIfFencedOff(metadata.fence());
            }
            String target = target(table.name());
            if (before == null) {
                st.execute(MergeSql.createTarget(target, table));
            } else {
                evolve(st, target, before, table);
            }
            StagedTable staged = staging.get(table.name());
            if (staged != null) {
                evolve(st, ref(staged), before, table);
            }
            current.put(table.name(), table);
        } catch (SQLException e) {
            throw Errors.table(before == null ? "create" : "change", schema, table.name(), e);
        }
    }

    /** Adds new columns and widens types in one ALTER TABLE. Columns are never dropped or reordered. */
    private static void evolve(Statement st, String table, TableSchema before, TableSchema after) throws SQLException {
        List<String> changes = new ArrayList<>();
        for (ColumnSchema c : after.columns()) {
            ColumnSchema old = before.column(c.name());
            if (old == null) {
                changes.add("ADD COLUMN " + quote(c.name()) + " " + Sql.type(c.type()));
            } else if (!Sql.type(old.type()).equals(Sql.type(c.type()))) { // XML to STRING stays text
                changes.add("ALTER COLUMN " + quote(c.name()) + " TYPE " + Sql.type(c.type()) + " USING "
                        + Sql.widen(c.name(), old.type(), c.type()));
            }
        }
        if (!changes.isEmpty()) {
            st.execute("ALTER TABLE " + table + " " + String.join(", ", changes));
        }
    }

    @Override
    public void write(Batch batch) {
        String table = batch.table().name();
        try {
            StagedTable staged = staging.get(table);
            if (staged == null) {
                staged = new StagedTable("stg_" + (++stagingCounter));
                try (Statement st = connection.createStatement()) {
                    st.execute(MergeSql.createStaging(ref(staged), current.get(table)));
                }
                staging.put(table, staged);
            }
            String columns = Sql.join(batch.table().columns(), c -> quote(c.name()));
            CopyWriter.write(copy, "COPY " + ref(staged) + " (" + MergeSql.SEQ + ", " + MergeSql.OP + ", "
                    + MergeSql.PRESENT + ", " + columns + ") FROM STDIN", batch);
            staged.add(batch);
        } catch (SQLException e) {
            throw Errors.table("stage " + batch.size() + " rows for", schema, table, e);
        } catch (CopyWriter.UnstorableValue e) {
            throw new DestinationException("cannot stage " + batch.size() + " rows for table " + schema + "." + table
                    + ": column " + batch.table().columns().get(e.column).name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void commit(String stateJson) {
        String synced = "timestamptz " + Sql.literal(Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        String table = null;
        try (Statement st = connection.createStatement()) {
            refuseIfFencedOff(OptionalLong.of(metadata.lockState()));
            for (var entry : staging.entrySet()) {
                table = entry.getKey();
                merge(st, current.get(table), entry.getValue(), synced);
            }
            table = null;
            for (TableSchema t : current.values()) {
                if (!t.equals(committed.get(t.name()))) {
                    metadata.saveTable(t);
                }
            }
            metadata.saveState(stateJson, fence == null ? 0 : fence);
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new DestinationException("commit to schema " + schema + " failed" + (table == null ? ""
                    : " while merging table " + schema + "." + table) + ": " + e.getMessage()
                    + ". Nothing since the last checkpoint was committed; the next sync resumes from it.", e);
        } catch (DestinationException e) {
            rollback();
            throw e;
        }
        staging.clear();
        committed = new LinkedHashMap<>(current);
    }

    /** Fails when a sync with a newer token has committed to this schema; unfenced destinations never fail here. */
    private void refuseIfFencedOff(OptionalLong stored) {
        if (fence != null && stored.isPresent() && stored.getAsLong() > fence) {
            throw new DestinationException("schema " + schema + " was committed by a newer sync (fence token "
                    + stored.getAsLong() + ") than this one (fence token " + fence + "): this sync lost its lease, "
                    + "so it stops without committing and the newer sync's data and state stay.");
        }
    }

    /** The staging table as SQL names it: session-private. */
    private static String ref(StagedTable staged) {
        return "pg_temp." + quote(staged.name());
    }

    private void merge(Statement st, TableSchema table, StagedTable staged, String synced) throws SQLException {
        String target = target(table.name());
        String source = ref(staged);
        if (staged.onlyUpserts()) {
            st.execute(MergeSql.upsertOnly(target, source, table, synced, staged.keysMayRepeat()));
            return;
        }
        if (staged.rows() >= ANALYZE_ROWS) {
            st.execute("ANALYZE " + source);
        }
        List<Long> truncates = new ArrayList<>();
        if (staged.truncates()) {
            try (ResultSet rs = st.executeQuery("SELECT " + MergeSql.SEQ + " FROM " + source + " WHERE "
                    + MergeSql.OP + " = " + Batch.Op.TRUNCATE.ordinal() + " ORDER BY " + MergeSql.SEQ)) {
                while (rs.next()) {
                    truncates.add(rs.getLong(1));
                }
            }
        }
        long from = 0;
        for (long at : truncates) {
            st.execute(MergeSql.merge(target, source, table, synced, from, at));
            st.execute(MergeSql.truncate(target));
            from = at;
        }
        st.execute(MergeSql.merge(target, source, table, synced, from, Long.MAX_VALUE));
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new DestinationException("rollback on schema " + schema + " failed: " + e.getMessage(), e);
        } finally {
            staging.clear();
            current.clear();
            current.putAll(committed);
        }
    }

    @Override
    public void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            throw new DestinationException("cannot close the connection to " + where + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // the open failed already; its message matters more
        }
    }

    private String target(String table) {
        return Sql.qualified(schema, table);
    }
}

package io.tributary.destination.duckdb;

import static io.tributary.destination.duckdb.Sql.quote;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.destination.DestinationException;
import io.tributary.runtime.destination.StagedTable;
import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.runtime.schema.TableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * A DuckDB warehouse file. Tables live in one schema ({@code tester} for local runs); the runtime's
 * bookkeeping (table layouts and the committed state) lives in schema {@code _tributary} of the same file,
 * so data and state commit in one transaction. Batches are bulk-loaded into temporary staging tables and
 * merged with one set-based statement per table at each commit.
 */
public final class DuckDbDestination implements Destination {
    private final Path file;
    private final String schema;
    private final DuckDBConnection connection;
    private final StagingWriter stagingWriter;
    private final Metadata metadata;
    /** Layouts as committed, and as changed by the open transaction. */
    private Map<String, TableSchema> committed;
    private final Map<String, TableSchema> current = new LinkedHashMap<>();
    private final Map<String, StagedTable> staging = new HashMap<>();
    private int stagingCounter;
    /** The fencing token of this sync, or null when unfenced (local runs). */
    private Long fence;

    public DuckDbDestination(Path file, String schema) {
        this.file = file;
        this.schema = schema;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            connection.setAutoCommit(false);
            metadata = new Metadata(connection, schema);
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
            }
            metadata.create();
            connection.commit();
            committed = metadata.tables();
            current.putAll(committed);
        } catch (Exception e) {
            throw new DestinationException("cannot open the DuckDB warehouse " + file + ": " + e.getMessage()
                    + ". If another process has it open, stop that process; if the file is damaged, move it away"
                    + " (or run `tributary reset`).", e);
        }
        stagingWriter = StagingWriters.create(connection);
    }

    /** How batches reach staging: "arrow", "appender", or "by-size" (small ones by the Appender). */
    String stagingPath() {
        return stagingWriter instanceof ArrowStagingWriter ? "arrow"
                : stagingWriter instanceof StagingWriters.BySize ? "by-size" : "appender";
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
            throw new DestinationException("cannot read the committed state from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void applySchema(TableSchema table) {
        TableSchema before = current.get(table.name());
        try (Statement st = connection.createStatement()) {
            String target = target(table.name());
            if (before == null) {
                st.execute(MergeSql.createTarget(target, table));
            } else if (keyTypesChanged(before, table)) {
                rebuild(st, target, table);
            } else {
                evolve(st, target, before, table);
            }
            StagedTable staged = staging.get(table.name());
            if (staged != null) {
                evolve(st, ref(staged), before, table);
            }
            current.put(table.name(), table);
        } catch (SQLException e) {
            throw new DestinationException("cannot create or change table " + schema + "." + table.name() + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean keyTypesChanged(TableSchema before, TableSchema after) {
        for (ColumnSchema key : before.primaryKey()) {
            ColumnSchema now = after.column(key.name());
            if (!now.type().equals(key.type())) {
                return true;
            }
        }
        return false;
    }

    /** Adds new columns and alters widened types. Columns are never dropped or reordered. */
    private static void evolve(Statement st, String table, TableSchema before, TableSchema after) throws SQLException {
        for (ColumnSchema c : after.columns()) {
            ColumnSchema old = before == null ? null : before.column(c.name());
            if (old == null) {
                st.execute("ALTER TABLE " + table + " ADD COLUMN " + quote(c.name()) + " " + Sql.type(c.type()));
            } else if (!old.type().equals(c.type())) {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN " + quote(c.name()) + " TYPE " + Sql.type(c.type()));
            }
        }
    }

    /** A key column's type changed: DuckDB cannot alter an indexed column, so the table is copied. */
    private void rebuild(Statement st, String target, TableSchema table) throws SQLException {
        String old = table.name() + "__tributary_old";
        st.execute("ALTER TABLE " + target + " RENAME TO " + quote(old));
        st.execute(MergeSql.createTarget(target, table));
        List<String> names = new ArrayList<>();
        for (ColumnSchema c : current.get(table.name()).columns()) {
            names.add(quote(c.name()));
        }
        names.add(quote(TableSchema.FIVETRAN_SYNCED));
        names.add(quote(TableSchema.FIVETRAN_DELETED));
        String list = String.join(", ", names);
        st.execute("INSERT INTO " + target + " (" + list + ") SELECT " + list + " FROM " + Sql.qualified(schema, old));
        st.execute("DROP TABLE " + Sql.qualified(schema, old));
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
            stagingWriter.write(staged.name(), batch);
            staged.add(batch);
        } catch (SQLException e) {
            throw new DestinationException("cannot stage " + batch.size() + " rows for table " + schema + "."
                    + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void fence(long token) {
        fence = token;
    }

    @Override
    public void commit(String stateJson) {
        String synced = "TIMESTAMPTZ " + Sql.literal(Instant.now().toString());
        String table = null;
        try (Statement st = connection.createStatement()) {
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
            metadata.saveState(stateJson, fence);
            for (StagedTable staged : staging.values()) {
                st.execute("DROP TABLE " + ref(staged));
            }
            connection.commit();
        } catch (SQLException | DestinationException e) {
            rollback();
            if (e instanceof DestinationException fenced) {
                throw fenced;
            }
            DestinationException newer = fencedOutByNewerCommit();
            if (newer != null) {
                throw newer; // a write conflict with a newer sync's commit, which this transaction's snapshot missed
            }
            throw new DestinationException("commit failed" + (table == null ? "" : " while merging table " + schema
                    + "." + table) + ": " + e.getMessage(), e);
        }
        staging.clear();
        committed = new LinkedHashMap<>(current);
    }

    /** The staging table as SQL names it: a temporary table of this connection. */
    private static String ref(StagedTable staged) {
        return "temp.main." + quote(staged.name());
    }

    private void merge(Statement st, TableSchema table, StagedTable staged, String synced) throws SQLException {
        String target = target(table.name());
        String source = ref(staged);
        if (staged.onlyUpserts()) {
            st.execute(MergeSql.upsertOnly(target, source, table, synced, staged.keysMayRepeat()));
            return;
        }
        List<Long> truncates = new ArrayList<>();
        if (staged.truncates()) {
            try (ResultSet rs = st.executeQuery("SELECT _seq FROM " + source + " WHERE _op = "
                    + Batch.Op.TRUNCATE.ordinal() + " ORDER BY _seq")) {
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

    /** After a failed commit: the fencing error when a newer sync has committed since this one began, else null. */
    private DestinationException fencedOutByNewerCommit() {
        if (fence == null) {
            return null;
        }
        try {
            long stored = metadata.storedFence(); // a fresh transaction: it sees the newer commit
            connection.rollback();
            return stored > fence ? metadata.fencedOut(stored, fence) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new DestinationException("rollback failed: " + e.getMessage(), e);
        } finally {
            staging.clear();
            current.clear();
            current.putAll(committed);
        }
    }

    @Override
    public void close() {
        try {
            if (stagingWriter instanceof AutoCloseable closeable) {
                closeable.close();
            }
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (Exception e) {
            throw new DestinationException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    private String target(String table) {
        return Sql.qualified(schema, table);
    }
}

package io.tributary.sdk.jdbc;

import io.tributary.sdk.Log;
import io.tributary.sdk.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered, resumable read of one source table: rows come in the order of the read's order columns, each with
 * the {@link Position} to resume after it.
 *
 * <ul>
 * <li>{@link #keyset}: order by the replication key, then the primary key, and resume with
 *     {@code WHERE (updated_at, id) > (?, ?)}. Rows sharing a key value are never lost or repeated across pages or
 *     checkpoints. With {@link #pageSize} each page is one query with a LIMIT.</li>
 * <li>{@link #replicationKey}: order by the key alone, {@code WHERE updated_at > ?}, one query. A resume skips rows
 *     that share the last value, so checkpoint only where the value changes ({@link Checkpoints} does).</li>
 * <li>{@link #byPrimaryKey}: a full read in primary-key order, resumable by key.</li>
 * </ul>
 *
 * <p>Rows are streamed: with a fetch size above 0 (the default, 1000), the read turns autocommit off for its
 * duration, which is what makes PostgreSQL's driver keep a server-side cursor and fetch that many rows at a time
 * instead of the whole result. Other drivers differ: MySQL needs {@code useCursorFetch=true} in the URL, SQL Server
 * streams by default ({@code selectMethod=cursor} for a true server cursor), Oracle uses the fetch size as it is.
 * When the read turned autocommit off it commits after each query, so no snapshot is held between pages, and
 * restores autocommit at the end.
 */
public final class TableRead {
    public static final int DEFAULT_FETCH_SIZE = 1000;

    private final SourceTable table;
    private final List<SourceColumn> order;
    private final boolean uniqueOrder;
    private List<SourceColumn> selected;
    private int pageSize;
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private SqlDialect dialect;

    private TableRead(SourceTable table, List<SourceColumn> order, boolean uniqueOrder) {
        this.table = table;
        this.order = List.copyOf(order);
        this.uniqueOrder = uniqueOrder;
        this.selected = table.columns();
        for (SourceColumn c : order) {
            if (c.nullable()) {
                Log.warning("column " + c.name() + " of " + table.qualifiedName() + " allows NULL: rows where it is "
                        + "NULL are never read. Make it NOT NULL, or read a view that fills it in.");
            }
        }
    }

    /**
     * Ordered by {@code replicationKey} (none: a full read), then by the primary key as the tie-break. Throws
     * {@link JdbcSourceException} when a column is missing or the table has no primary key.
     */
    public static TableRead keyset(SourceTable table, String... replicationKey) {
        if (table.primaryKey().isEmpty()) {
            throw new JdbcSourceException("table " + table.qualifiedName() + " has no primary key, and a keyset read"
                    + (replicationKey.length == 0 ? "" : " on " + Arrays.toString(replicationKey))
                    + " needs one to order rows that share a key value. Add a primary key to the table, or name "
                    + "unique, not-null columns with TableRead.keyset(table, replicationKey, uniqueKey).");
        }
        return keyset(table, List.of(replicationKey), table.primaryKey());
    }

    /** Ordered by {@code replicationKey}, then by {@code uniqueKey}: columns whose values identify a row. */
    public static TableRead keyset(SourceTable table, List<String> replicationKey, List<String> uniqueKey) {
        if (uniqueKey.isEmpty()) {
            throw new IllegalArgumentException("a keyset read needs at least one unique key column");
        }
        List<SourceColumn> order = new ArrayList<>();
        for (String c : replicationKey) {
            order.add(table.column(c, "the replication key"));
        }
        for (String c : uniqueKey) {
            SourceColumn column = table.column(c, "a key column");
            if (!order.contains(column)) {
                order.add(column);
            }
        }
        return new TableRead(table, order, true);
    }

    /** Ordered by one replication key column alone; its values need not be unique. */
    public static TableRead replicationKey(SourceTable table, String column) {
        SourceColumn key = table.column(column, "the replication key");
        boolean unique = table.primaryKey().size() == 1 && table.primaryKey().get(0).equals(key.name());
        return new TableRead(table, List.of(key), unique);
    }

    /** Every row in primary-key order. */
    public static TableRead byPrimaryKey(SourceTable table) {
        return keyset(table);
    }

    /**
     * Rows per query ({@code LIMIT n}); 0, the default, reads everything with one streamed query. Paging needs a
     * unique order: with a replication key alone, a LIMIT could cut between rows that share a value.
     */
    public TableRead pageSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("page size must be 0 (no paging) or more, got " + rows);
        }
        if (rows > 0 && !uniqueOrder) {
            throw new IllegalArgumentException("paging " + table.qualifiedName() + " by " + columnNames()
                    + " alone could cut between rows with the same value; use TableRead.keyset, which adds the key");
        }
        this.pageSize = rows;
        return this;
    }

    /** Rows the driver fetches per round trip; 0 leaves the driver's default (PostgreSQL: the whole result). */
    public TableRead fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetch size must be 0 or more, got " + rows);
        }
        this.fetchSize = rows;
        return this;
    }

    /** The SQL dialect; by default it is detected from the connection. */
    public TableRead dialect(SqlDialect sqlDialect) {
        this.dialect = sqlDialect;
        return this;
    }

    /** Reads only these columns (default: all); the order columns are always read, for the position. */
    public TableRead columns(String... names) {
        List<SourceColumn> chosen = new ArrayList<>();
        for (String n : names) {
            chosen.add(table.column(n, "a column to read"));
        }
        for (SourceColumn c : order) {
            if (!chosen.contains(c)) {
                chosen.add(c);
            }
        }
        this.selected = List.copyOf(chosen);
        return this;
    }

    public SourceTable table() {
        return table;
    }

    /** The order columns' names: the replication key, then the tie-break key. */
    public List<String> columnNames() {
        return order.stream().map(SourceColumn::name).toList();
    }

    /** The beginning of the table. */
    public Position start() {
        return new Position(order, List.of(), uniqueOrder);
    }

    /**
     * A position from values of the leading order columns, as Java values or as state text: {@code after("2024-
     * 01-01T00:00:00Z")} starts after every row updated at or before that instant.
     */
    public Position after(Object... values) {
        List<Object> parsed = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (i >= order.size()) {
                throw new IllegalArgumentException("this read orders by " + columnNames() + ", but "
                        + values.length + " values were given");
            }
            parsed.add(Position.parse(values[i], order.get(i)));
        }
        return new Position(order, parsed, uniqueOrder);
    }

    /**
     * The position saved as {@code Position.toState()} in (a nested object of) the state: the values of the order
     * columns present, up to the first absent one. An empty object is the start.
     */
    public Position position(State saved) {
        List<Object> values = new ArrayList<>();
        for (SourceColumn c : order) {
            if (!saved.has(c.name())) {
                break;
            }
            values.add(Position.parse(saved.getString(c.name()), c));
        }
        return new Position(order, values, uniqueOrder);
    }

    /** The query that reads the rows after {@code after}, for logs and tests. */
    public String sql(Position after, SqlDialect sqlDialect) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < selected.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(sqlDialect.quote(selected.get(i).name()));
        }
        sql.append(" FROM ").append(table.sql(sqlDialect));
        List<String> conditions = new ArrayList<>();
        for (SourceColumn c : order) {
            if (c.nullable()) {
                conditions.add(sqlDialect.quote(c.name()) + " IS NOT NULL");
            }
        }
        int m = after.values().size();
        if (m > 0) {
            conditions.add(after(m, sqlDialect));
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < order.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(sqlDialect.quote(order.get(i).name()));
        }
        if (pageSize > 0) {
            sql.append(sqlDialect.limit(pageSize));
        }
        return sql.toString();
    }

    /** {@code (a, b) > (?, ?)}, or spelled out: {@code (a > ? OR (a = ? AND b > ?))}. */
    private String after(int m, SqlDialect d) {
        if (m == 1) {
            return d.quote(order.get(0).name()) + " > ?";
        }
        if (d.rowValues()) {
            StringBuilder left = new StringBuilder("(");
            StringBuilder right = new StringBuilder("(");
            for (int i = 0; i < m; i++) {
                left.append(i == 0 ? "" : ", ").append(d.quote(order.get(i).name()));
                right.append(i == 0 ? "?" : ", ?");
            }
            return left + ") > " + right + ")";
        }
        List<String> disjuncts = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            StringBuilder term = new StringBuilder(j == 0 ? "" : "(");
            for (int i = 0; i < j; i++) {
                term.append(d.quote(order.get(i).name())).append(" = ? AND ");
            }
            disjuncts.add(term.append(d.quote(order.get(j).name())).append(j == 0 ? " > ?" : " > ?)").toString());
        }
        return "(" + String.join(" OR ", disjuncts) + ")";
    }

    private static void bind(PreparedStatement st, Position after, SqlDialect d) throws SQLException {
        List<Object> v = after.values();
        int p = 1;
        if (v.size() == 1 || d.rowValues()) {
            for (Object value : v) {
                st.setObject(p++, JdbcTypes.bindValue(value));
            }
            return;
        }
        for (int j = 0; j < v.size(); j++) {
            for (int i = 0; i <= j; i++) {
                st.setObject(p++, JdbcTypes.bindValue(v.get(i)));
            }
        }
    }

    /**
     * Reads every row after {@code after} (the start: {@link #start()}) in order, handing each to {@code handler}.
     * Returns the number of rows read. A database error becomes a {@link JdbcSourceException} naming the table, the
     * rows read so far and the query; an exception from the handler is rethrown as it is.
     */
    public long read(Connection connection, Position after, RowHandler handler) throws Exception {
        SqlDialect d = dialect != null ? dialect : SqlDialect.of(connection);
        Position position = after == null ? start() : after;
        long total = 0;
        String sql = null;
        boolean ownTransaction = false;
        try {
            ownTransaction = fetchSize > 0 && connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false); // pgjdbc uses a server-side cursor only inside a transaction
            }
            while (true) {
                sql = sql(position, d);
                long rows = 0;
                try (PreparedStatement st = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    st.setFetchSize(fetchSize);
                    bind(st, position, d);
                    try (ResultSet rs = st.executeQuery()) {
                        RowShape shape = new RowShape(selected, order);
                        while (rs.next()) {
                            SourceRow row = shape.read(rs, uniqueOrder);
                            position = row.position();
                            rows++;
                            total++;
                            try {
                                handler.accept(row);
                            } catch (Exception e) {
                                throw new HandlerFailure(e);
                            }
                        }
                    }
                }
                if (ownTransaction) {
                    connection.commit(); // holds no snapshot (and no vacuum horizon) between pages
                }
                if (pageSize == 0 || rows < pageSize) {
                    return total;
                }
            }
        } catch (HandlerFailure f) {
            throw f.getCause() instanceof Exception e ? e : f;
        } catch (SQLException e) {
            throw readFailure(e, total, sql);
        } finally {
            if (ownTransaction) {
                restoreAutoCommit(connection);
            }
        }
    }

    private JdbcSourceException readFailure(SQLException e, long rowsBefore, String sql) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what = "reading " + table.qualifiedName() + " failed after " + rowsBefore + " rows: " + e.getMessage()
                + (state.isEmpty() ? "" : " (SQLState " + state + ")");
        if (state.startsWith("08") || state.startsWith("57P")) { // 57P: the server shut the session down
            what += ". The connection to the source was lost; the next sync resumes from the last checkpoint";
        } else if (state.equals("42501")) {
            what += ". Grant the connector's user SELECT on the table";
        }
        return new JdbcSourceException(what + ". Query: " + sql, e);
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.rollback(); // ends a transaction left open by a failure; a read wrote nothing
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            Log.warning("could not restore autocommit on the source connection: " + e.getMessage());
        }
    }

    /** Carries a handler's exception through the read's own error handling. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }
    }

    /** Column readers and names for one result, resolved once per query. */
    private static final class RowShape {
        private final String[] names;
        private final JdbcTypes.ColumnReader[] readers;
        private final List<SourceColumn> order;
        private final int[] orderIndex;

        RowShape(List<SourceColumn> selected, List<SourceColumn> order) {
            names = new String[selected.size()];
            readers = new JdbcTypes.ColumnReader[selected.size()];
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                names[i] = selected.get(i).name();
                readers[i] = selected.get(i).reader();
                index.put(names[i], i);
            }
            this.order = order;
            orderIndex = order.stream().mapToInt(c -> index.get(c.name())).toArray();
        }

        SourceRow read(ResultSet rs, boolean uniqueOrder) throws SQLException {
            Map<String, Object> values = new LinkedHashMap<>(names.length * 2);
            Object[] raw = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                try {
                    raw[i] = readers[i].read(rs, i + 1);
                } catch (SQLException e) {
                    throw new SQLException("column " + names[i] + ": " + e.getMessage(), e.getSQLState(), e);
                }
                values.put(names[i], raw[i]);
            }
            List<Object> key = new ArrayList<>(orderIndex.length);
            for (int i : orderIndex) {
                key.add(raw[i]);
            }
            return new SourceRow(values, new Position(order, key, uniqueOrder));
        }
    }
}

package io.tributary.sdk.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a query of your own (a join, LIMIT/OFFSET, a function) as maps with the SDK's Java values, typed by the
 * result's {@link ResultSetMetaData} with the same mapping as {@link SourceTable}.
 *
 * <pre>{@code
 * try (ResultSet rs = statement.executeQuery()) {
 *     ResultRows rows = ResultRows.of(rs);
 *     while (rs.next()) {
 *         operations.upsert("orders", rows.read(rs));
 *     }
 * }
 * }</pre>
 */
public final class ResultRows {
    private final List<SourceColumn> columns;
    private final JdbcTypes.ColumnReader[] readers;

    private ResultRows(List<SourceColumn> columns) {
        this.columns = List.copyOf(columns);
        this.readers = columns.stream().map(SourceColumn::reader).toArray(JdbcTypes.ColumnReader[]::new);
    }

    /** The shape of {@code rs}'s rows, from its metadata; columns are named by their labels. */
    public static ResultRows of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<SourceColumn> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            int jdbcType = md.getColumnType(i);
            String typeName = md.getColumnTypeName(i);
            columns.add(new SourceColumn(md.getColumnLabel(i),
                    JdbcTypes.columnType(jdbcType, typeName, md.getPrecision(i), md.getScale(i)), jdbcType, typeName,
                    md.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return new ResultRows(columns);
    }

    public List<SourceColumn> columns() {
        return columns;
    }

    /** The current row of {@code rs}: column label to value. */
    public Map<String, Object> read(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(readers.length * 2);
        for (int i = 0; i < readers.length; i++) {
            String name = columns.get(i).name();
            try {
                row.put(name, readers[i].read(rs, i + 1));
            } catch (SQLException e) {
                throw new SQLException("column " + name + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
        return row;
    }
}

package io.tributary.sdk.jdbc;

import io.tributary.sdk.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A source table described by {@link DatabaseMetaData}: its columns with their SDK types, and its primary key.
 * {@link #toTable} turns it into the connector's {@code schema()} answer.
 */
public final class SourceTable {
    private static final int TABLES_LISTED = 20;

    private final String catalog;
    private final String schema;
    private final String name;
    private final List<SourceColumn> columns;
    private final List<String> primaryKey;

    private SourceTable(String catalog, String schema, String name, List<SourceColumn> columns,
                        List<String> primaryKey) {
        this.catalog = catalog;
        this.schema = schema;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
    }

    /**
     * Describes {@code table}, given as {@code name} or {@code schema.name} (unquoted). The name is matched as
     * written, then in the case the database folds unquoted names to. Throws {@link JdbcSourceException} naming the
     * tables the user can see when there is no such table, or the schemas when the name is ambiguous.
     */
    public static SourceTable describe(Connection connection, String table) {
        try {
            DatabaseMetaData md = connection.getMetaData();
            int dot = table.indexOf('.');
            String qualifier = dot < 0 ? null : table.substring(0, dot);
            String bare = dot < 0 ? table : table.substring(dot + 1);
            boolean catalogs = !md.supportsSchemasInTableDefinitions(); // MySQL: db.table names a catalog
            List<TableId> found = find(md, catalogs, qualifier, bare);
            if (found.size() > 1 && qualifier == null) {
                String current = catalogs ? connection.getCatalog() : connection.getSchema();
                found = found.stream().filter(t -> (catalogs ? t.catalog : t.schema) != null
                        && (catalogs ? t.catalog : t.schema).equals(current)).toList();
            }
            if (found.isEmpty()) {
                throw new JdbcSourceException("table '" + table + "' does not exist in the source database, or user '"
                        + md.getUserName() + "' may not see it. " + visibleTables(connection, md, catalogs, qualifier)
                        + ". Check the table name in the configuration.");
            }
            if (found.size() > 1) {
                throw new JdbcSourceException("table name '" + table + "' is ambiguous: it exists in "
                        + found.stream().map(TableId::qualified).toList() + ". Qualify it as schema.table.");
            }
            TableId id = found.get(0);
            return new SourceTable(id.catalog, id.schema, id.name, columns(md, id), primaryKey(md, id));
        } catch (SQLException e) {
            throw new JdbcSourceException("cannot read the description of table '" + table + "': " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The tables and views of a schema ({@code null}: every schema the user sees), sorted by name. */
    public static List<String> list(Connection connection, String schema) {
        try {
            DatabaseMetaData md = connection.getMetaData();
            List<String> names = new ArrayList<>();
            for (TableId t : tables(md, null, schema == null ? null : pattern(md, schema), "%")) {
                names.add(t.name);
            }
            Collections.sort(names);
            return names;
        } catch (SQLException e) {
            throw new JdbcSourceException("cannot list the tables of schema '" + schema + "': " + e.getMessage(), e);
        }
    }

    private record TableId(String catalog, String schema, String name) {
        String qualified() {
            return schema == null ? (catalog == null ? name : catalog + "." + name) : schema + "." + name;
        }
    }

    private static List<TableId> find(DatabaseMetaData md, boolean catalogs, String qualifier, String bare)
            throws SQLException {
        for (String q : spellings(qualifier)) {
            for (String n : spellings(bare)) {
                String qualifierPattern = q == null ? null : catalogs ? q : pattern(md, q);
                List<TableId> found = catalogs
                        ? tables(md, qualifierPattern, null, pattern(md, n))
                        : tables(md, null, qualifierPattern, pattern(md, n));
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    /** As written, then lower and upper case: unquoted identifiers are folded by the database. */
    private static List<String> spellings(String s) {
        if (s == null) {
            return Collections.singletonList(null);
        }
        List<String> out = new ArrayList<>(List.of(s));
        for (String v : List.of(s.toLowerCase(Locale.ROOT), s.toUpperCase(Locale.ROOT))) {
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<TableId> tables(DatabaseMetaData md, String catalog, String schemaPattern,
                                        String tablePattern) throws SQLException {
        List<TableId> out = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schemaPattern, tablePattern, null)) {
            while (rs.next()) {
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                // getTables also lists indexes, sequences and types; keep what can be selected from.
                if ((type.contains("TABLE") || type.contains("VIEW")) && !type.contains("INDEX")) {
                    out.add(new TableId(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
                            rs.getString("TABLE_NAME")));
                }
            }
        }
        return out;
    }

    /** A metadata search pattern that matches {@code name} exactly: '_' and '%' are wildcards otherwise. */
    private static String pattern(DatabaseMetaData md, String name) throws SQLException {
        String escape = md.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String visibleTables(Connection connection, DatabaseMetaData md, boolean catalogs,
                                        String qualifier) throws SQLException {
        String scope = qualifier != null ? qualifier : catalogs ? connection.getCatalog() : connection.getSchema();
        List<TableId> all = scope == null ? List.of() : catalogs
                ? tables(md, scope, null, "%") : tables(md, null, pattern(md, scope), "%");
        if (all.isEmpty() && qualifier != null) {
            return "Schema '" + qualifier + "' has no tables this user can see";
        }
        List<String> names = all.stream().map(TableId::name).sorted().toList();
        String shown = names.size() > TABLES_LISTED
                ? String.join(", ", names.subList(0, TABLES_LISTED)) + " and " + (names.size() - TABLES_LISTED) + " more"
                : String.join(", ", names);
        return "Tables in " + (catalogs ? "database" : "schema") + " '" + scope + "': "
                + (names.isEmpty() ? "none" : shown);
    }

    private static List<SourceColumn> columns(DatabaseMetaData md, TableId id) throws SQLException {
        TreeMap<Integer, SourceColumn> byPosition = new TreeMap<>();
        try (ResultSet rs = md.getColumns(id.catalog, id.schema == null ? null : pattern(md, id.schema),
                pattern(md, id.name), "%")) {
            while (rs.next()) {
                int jdbcType = rs.getInt("DATA_TYPE");
                String typeName = rs.getString("TYPE_NAME");
                int size = rs.getInt("COLUMN_SIZE");
                int digits = rs.getInt("DECIMAL_DIGITS");
                boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                byPosition.put(rs.getInt("ORDINAL_POSITION"), new SourceColumn(rs.getString("COLUMN_NAME"),
                        JdbcTypes.columnType(jdbcType, typeName, size, digits), jdbcType, typeName, nullable));
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    private static List<String> primaryKey(DatabaseMetaData md, TableId id) throws SQLException {
        TreeMap<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(id.catalog, id.schema, id.name)) {
            while (rs.next()) {
                bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(bySequence.values());
    }

    /** The table's name as the database stores it. */
    public String name() {
        return name;
    }

    /** The schema, or {@code null} for databases without schemas. */
    public String schema() {
        return schema;
    }

    public String catalog() {
        return catalog;
    }

    /** {@code schema.name}, for messages. */
    public String qualifiedName() {
        return new TableId(catalog, schema, name).qualified();
    }

    public List<SourceColumn> columns() {
        return columns;
    }

    /** The primary key's columns in key order; empty when the table has none. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    public boolean hasColumn(String column) {
        return find(column) != null;
    }

    /**
     * The column, matched exactly or else ignoring case. Throws {@link JdbcSourceException} naming the table, the
     * column, what it was wanted for ({@code purpose}, such as "the replication key") and the columns there are.
     */
    public SourceColumn column(String column, String purpose) {
        SourceColumn c = find(column);
        if (c == null) {
            throw new JdbcSourceException("table " + qualifiedName() + " has no column '" + column + "'"
                    + (purpose == null ? "" : " (wanted as " + purpose + ")") + "; its columns are "
                    + columns.stream().map(SourceColumn::name).toList() + ". Check the column name in the configuration.");
        }
        return c;
    }

    private SourceColumn find(String column) {
        SourceColumn ignoringCase = null;
        for (SourceColumn c : columns) {
            if (c.name().equals(column)) {
                return c;
            }
            if (c.name().equalsIgnoreCase(column)) {
                ignoringCase = c;
            }
        }
        return ignoringCase;
    }

    /**
     * The table for the connector's {@code schema()}: every column with its SDK type, and the primary key. Append
     * more key columns with {@link Table#primaryKey} (a version column for history, say).
     */
    public Table toTable(String destinationName) {
        Table table = Table.named(destinationName).primaryKey(primaryKey.toArray(String[]::new));
        for (SourceColumn c : columns) {
            table.column(c.name(), c.type().toString());
        }
        return table;
    }

    /** The quoted, qualified name for SQL. */
    String sql(SqlDialect dialect) {
        StringBuilder sb = new StringBuilder();
        if (schema != null) {
            sb.append(dialect.quote(schema)).append('.');
        } else if (catalog != null) {
            sb.append(dialect.quote(catalog)).append('.');
        }
        return sb.append(dialect.quote(name)).toString();
    }

    @Override
    public String toString() {
        return "SourceTable[" + qualifiedName() + ", primaryKey=" + primaryKey + ", columns=" + columns.size() + "]";
    }
}

package io.tributary.server.schemas;

import java.util.List;

/** The source's schema as a capture sees it, for {@link SchemaConfig#capture}. */
public final class Discovered {
    private Discovered() {
    }

    private static void checkName(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > SchemaConfig.MAX_NAME) {
            throw new IllegalArgumentException("a " + what + " name must have 1 to " + SchemaConfig.MAX_NAME
                    + " characters: " + name);
        }
    }

    /**
     * One source table. The destination names are the runtime's (its naming rules live there, not in the server).
     *
     * @param supportsHistoryMode whether the table can switch sync modes (SOFT_DELETE, HISTORY, LIVE)
     */
    public record Table(String schema, String schemaInDestination, String table, String tableInDestination,
                        boolean supportsHistoryMode, List<Column> columns) {
        public Table {
            checkName(schema, "schema");
            checkName(schemaInDestination, "schema in destination");
            checkName(table, "table");
            checkName(tableInDestination, "table in destination");
            columns = List.copyOf(columns);
        }

        /** A table whose destination names are its source names, without history mode. */
        public static Table of(String schema, String table, Column... columns) {
            return new Table(schema, schema, table, table, false, List.of(columns));
        }
    }

    /** One source column; a primary-key column cannot be excluded. */
    public record Column(String name, String nameInDestination, boolean primaryKey) {
        public Column {
            checkName(name, "column");
            checkName(nameInDestination, "column in destination");
        }

        public static Column of(String name) {
            return new Column(name, name, false);
        }

        public static Column key(String name) {
            return new Column(name, name, true);
        }
    }
}

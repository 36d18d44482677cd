package io.tributary.server.schemas;

import java.util.List;

/** The source's schema as a capture sees it, for {@link SchemaConfig#capture}. */
public final class Discovered {
    private Discovered() {
    }

    /**
     * One source table. The destination names are the runtime's (its naming rules live there, not in the server).
     *
     * @param supportsHistoryMode whether the table can switch sync modes (SOFT_DELETE, HISTORY, LIVE)
     */
    public record Table(String schema, String schemaInDestination, String table, String tableInDestination,
                        boolean supportsHistoryMode, List<Column> columns) {
        public Table {
            columns = List.copyOf(columns);
        }

        /** A table whose destination names are its source names, without history mode. */
        public static Table of(String schema, String table, Column... columns) {
            return new Table(schema, schema, table, table, false, List.of(columns));
        }
    }

    /** One source column; a primary-key column cannot be excluded. */
    public record Column(String name, String nameInDestination, boolean primaryKey) {
        public static Column of(String name) {
            return new Column(name, name, false);
        }

        public static Column key(String name) {
            return new Column(name, name, true);
        }
    }
}

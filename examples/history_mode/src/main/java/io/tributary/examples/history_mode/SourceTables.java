package io.tributary.examples.history_mode;

import io.tributary.sdk.Log;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.JdbcSourceException;
import io.tributary.sdk.jdbc.SourceTable;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** The tables of one source schema that can be synced, found the same way by schema() and update(). */
final class SourceTables {
    private SourceTables() {
    }

    /** One source table and how it lands. */
    record Synced(SourceTable source, String destination, String incrementalColumn) {
        /** Whether rows are versioned: the table has the incremental column. */
        boolean keepsHistory() {
            return incrementalColumn != null;
        }

        /** The natural primary key, plus the incremental column when it keeps history. */
        Table toTable() {
            Table table = source.toTable(destination);
            return keepsHistory() ? table.primaryKey(incrementalColumn) : table;
        }
    }

    /** Every table of {@code schema} with a primary key, sorted by name; fails when there is none. */
    static List<Synced> discover(Connection connection, String schema, String incrementalColumn) {
        List<Synced> out = new ArrayList<>();
        for (String name : SourceTable.list(connection, schema)) {
            SourceTable table = SourceTable.describe(connection, schema + "." + name);
            if (table.primaryKey().isEmpty()) {
                Log.warning("skipping " + table.qualifiedName() + ": it has no primary key, so its rows cannot be "
                        + "told apart. Add one to sync it.");
                continue;
            }
            String column = table.hasColumn(incrementalColumn)
                    ? table.column(incrementalColumn, "the incremental column").name() : null;
            out.add(new Synced(table, schema + "_" + table.name(), column));
        }
        if (out.isEmpty()) {
            throw new JdbcSourceException("schema '" + schema + "' has no table with a primary key that the user can "
                    + "see. Check 'schema' in the configuration, and that the user may read the schema.");
        }
        return out;
    }
}

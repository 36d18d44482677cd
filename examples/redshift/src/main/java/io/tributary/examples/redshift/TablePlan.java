package io.tributary.examples.redshift;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.jdbc.SourceColumn;
import io.tributary.sdk.jdbc.SourceTable;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one source table is synced: incrementally by its replication key, or copied in full each sync when it has
 * none. {@code stream} is the destination table's name.
 */
record TablePlan(SourceTable table, String stream, String replicationKey) {
    /** Column names that say "when this row last changed", most telling first. */
    static final List<String> UPDATE_COLUMNS = List.of("updated_at", "modified_at", "last_modified", "last_updated",
            "updated", "modified", "updated_on", "modified_on");

    boolean incremental() {
        return replicationKey != null;
    }

    /**
     * The tables to sync: every table of the schema with an inferred replication key ({@code auto_schema_detection}),
     * or those {@code tables} lists as {@code name} or {@code name:replication_key}.
     */
    static List<TablePlan> plans(Connection connection, Configuration configuration) {
        String schema = configuration.get("redshift_schema", "public");
        List<TablePlan> plans = new ArrayList<>();
        if (configuration.getBoolean("auto_schema_detection", true)) {
            for (String name : SourceTable.list(connection, schema)) {
                plans.add(inferred(SourceTable.describe(connection, schema + "." + name)));
            }
            return plans;
        }
        List<String> specs = configuration.getList("tables");
        if (specs.isEmpty()) {
            throw new ConfigurationException("tables", "with auto_schema_detection false, configuration key 'tables' "
                    + "must list the tables, as name or name:replication_key, such as \"orders:updated_at,regions\"");
        }
        for (String spec : specs) {
            String[] parts = spec.split(":", 2);
            SourceTable table = SourceTable.describe(connection, schema + "." + parts[0].trim());
            plans.add(parts.length == 2
                    ? new TablePlan(table, table.name(), table.column(parts[1].trim(), "the replication key").name())
                    : new TablePlan(table, table.name(), null));
        }
        return plans;
    }

    /** The replication key is the first timestamp column whose name is one of {@link #UPDATE_COLUMNS}. */
    static TablePlan inferred(SourceTable table) {
        for (String candidate : UPDATE_COLUMNS) {
            for (SourceColumn c : table.columns()) {
                if (c.name().toLowerCase(Locale.ROOT).equals(candidate) && isTimestamp(c.type().type())) {
                    return new TablePlan(table, table.name(), c.name());
                }
            }
        }
        Log.info(table.qualifiedName() + " has no update-time column (" + String.join(", ", UPDATE_COLUMNS)
                + "): it is copied in full every sync");
        return new TablePlan(table, table.name(), null);
    }

    private static boolean isTimestamp(DataType type) {
        return type == DataType.UTC_DATETIME || type == DataType.NAIVE_DATETIME || type == DataType.NAIVE_DATE;
    }
}

package io.tributary.cli.api;

import io.tributary.client.SchemaConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Source names and their names in the destination, from a schema config. The config shows only the columns users
 * set, so a table's full column list is fetched the first time one of its columns is looked up. Quoted names
 * match exactly; unquoted ones as SQL folds them: exactly, or else the one name equal ignoring case.
 */
final class DestinationNames {
    /** A table by its source names. */
    record TableName(String schema, String table) {
    }

    private final SchemaConfig config;
    private final BiFunction<String, String, Map<String, SchemaConfig.Column>> fetchColumns;
    private final Map<TableName, Map<String, SchemaConfig.Column>> columns = new HashMap<>();

    DestinationNames(SchemaConfig config, BiFunction<String, String, Map<String, SchemaConfig.Column>> fetchColumns) {
        this.config = config;
        this.fetchColumns = fetchColumns;
    }

    String schema(String name, boolean exact) {
        return find(config.schemas(), name, exact);
    }

    String table(String schema, String name, boolean exact) {
        return find(config.schemas().get(schema).tables(), name, exact);
    }

    String column(TableName table, String name, boolean exact) {
        return find(columnsOf(table), name, exact);
    }

    /** Every table with this name, in any schema. */
    List<TableName> tablesNamed(String name, boolean exact) {
        List<TableName> found = new ArrayList<>();
        config.schemas().forEach((schema, s) -> {
            String table = find(s.tables(), name, exact);
            if (table != null) {
                found.add(new TableName(schema, table));
            }
        });
        return found;
    }

    String schemaInDestination(String schema) {
        return config.schemas().get(schema).nameInDestination();
    }

    String tableInDestination(TableName t) {
        return config.schemas().get(t.schema()).tables().get(t.table()).nameInDestination();
    }

    String columnInDestination(TableName t, String column) {
        return columnsOf(t).get(column).nameInDestination();
    }

    private Map<String, SchemaConfig.Column> columnsOf(TableName t) {
        return columns.computeIfAbsent(t, k -> {
            Map<String, SchemaConfig.Column> shown = config.schemas().get(t.schema()).tables().get(t.table()).columns();
            Map<String, SchemaConfig.Column> all = new HashMap<>(fetchColumns.apply(t.schema(), t.table()));
            all.putAll(shown);
            return all;
        });
    }

    private static String find(Map<String, ?> names, String name, boolean exact) {
        if (names.containsKey(name)) {
            return name;
        }
        if (exact) {
            return null;
        }
        String found = null;
        for (String candidate : names.keySet()) {
            if (candidate.equalsIgnoreCase(name)) {
                if (found != null) {
                    return null; // ambiguous: leave it alone
                }
                found = candidate;
            }
        }
        return found;
    }
}

package io.tributary.server.orchestration;

import io.tributary.runtime.schema.DeclaredTable;
import io.tributary.runtime.schema.TableSchema;
import io.tributary.runtime.sync.Selection;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.SchemaChangeHandling;
import io.tributary.server.schemas.SchemaConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Between a connection's schema config and its syncs. A Connector SDK connection has one schema (its destination
 * schema), and its tables and columns are known by their destination names: the runtime's naming rules decide
 * them, so the capture after a sync records those names and the selection before the next applies them.
 */
final class SchemaSelection {
    private SchemaSelection() {
    }

    /**
     * What the config disables (whole schemas' tables, tables, and excluded columns) and, by its schema change
     * handling, whether tables and columns it has not seen yet are kept out; {@code blocked} hears of those.
     */
    static Selection of(Optional<SchemaConfig> config, Selection.BlockedListener blocked) {
        if (config.isEmpty()) {
            return Selection.ALL;
        }
        Set<String> disabled = new HashSet<>();
        Map<String, Set<String>> excluded = new HashMap<>();
        Map<String, Set<String>> known = new HashMap<>();
        for (SchemaConfig.Schema schema : config.get().schemas().values()) {
            for (SchemaConfig.Table table : schema.tables().values()) {
                Set<String> columns = new HashSet<>();
                table.columns().values().forEach(column -> columns.add(column.name()));
                known.put(table.name(), columns);
                if (!schema.enabled() || !table.enabled()) {
                    disabled.add(table.name());
                    continue;
                }
                for (SchemaConfig.Column column : table.columns().values()) {
                    if (!column.enabled()) {
                        excluded.computeIfAbsent(table.name(), t -> new HashSet<>()).add(column.name());
                    }
                }
            }
        }
        SchemaChangeHandling handling = config.get().handling();
        return new Selection(disabled, excluded, new Selection.NewItems(known, !handling.enablesNewTables(),
                !handling.enablesNewColumns(), blocked));
    }

    /**
     * The source as a capture sees it: the tables the connector declares in {@code schema()} and those the warehouse
     * holds (a connector may upsert into tables it did not declare), by destination name, system columns left out.
     * Captured before a sync, a table new to the config is enabled or not by the schema change handling before any
     * of its rows are written.
     */
    static List<Discovered.Table> capture(String schema, List<DeclaredTable> declared, List<TableSchema> warehouse,
                                          Map<String, Set<String>> blocked) {
        Map<String, Map<String, Boolean>> tables = new TreeMap<>();
        // Tables and columns a sync kept out as new: recorded (disabled, by the handling) so users can enable them.
        blocked.forEach((table, columns) -> {
            Map<String, Boolean> known = tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
            columns.forEach(column -> known.put(column, false));
        });
        for (DeclaredTable table : declared) {
            Map<String, Boolean> columns = tables.computeIfAbsent(table.name(), t -> new LinkedHashMap<>());
            table.untypedKey().forEach(k -> columns.put(k, true));
            table.columns().forEach(c -> columns.merge(c.name(), c.primaryKey(), Boolean::logicalOr));
        }
        for (TableSchema table : warehouse) {
            Map<String, Boolean> columns = tables.computeIfAbsent(table.name(), t -> new LinkedHashMap<>());
            table.columns().forEach(c -> columns.merge(c.name(), c.primaryKey(), Boolean::logicalOr));
        }
        List<Discovered.Table> out = new ArrayList<>();
        tables.forEach((name, columns) -> {
            List<Discovered.Column> found = new ArrayList<>();
            columns.forEach((column, key) -> {
                if (!column.startsWith("_fivetran_")) {
                    found.add(key ? Discovered.Column.key(column) : Discovered.Column.of(column));
                }
            });
            out.add(new Discovered.Table(schema, schema, name, name, false, found));
        });
        return out;
    }
}

package io.tributary.server.orchestration;

import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.runtime.schema.TableSchema;
import io.tributary.runtime.sync.Selection;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.SchemaConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Between a connection's schema config and its syncs. A Connector SDK connection has one schema (its destination
 * schema), and its tables and columns are known by their destination names: the runtime's naming rules decide
 * them, so the capture after a sync records those names and the selection before the next applies them.
 */
final class SchemaSelection {
    private SchemaSelection() {
    }

    /** What the config disables: whole schemas' tables, tables, and excluded columns. */
    static Selection of(Optional<SchemaConfig> config) {
        if (config.isEmpty()) {
            return Selection.ALL;
        }
        Set<String> disabled = new HashSet<>();
        Map<String, Set<String>> excluded = new HashMap<>();
        for (SchemaConfig.Schema schema : config.get().schemas().values()) {
            for (SchemaConfig.Table table : schema.tables().values()) {
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
        return new Selection(disabled, excluded);
    }

    /** The warehouse's tables as a capture of the source: system columns left out. */
    static List<Discovered.Table> capture(String schema, List<TableSchema> tables) {
        List<Discovered.Table> out = new ArrayList<>();
        for (TableSchema table : tables) {
            List<Discovered.Column> columns = new ArrayList<>();
            for (ColumnSchema column : table.columns()) {
                if (!column.name().startsWith("_fivetran_")) {
                    columns.add(column.primaryKey() ? Discovered.Column.key(column.name())
                            : Discovered.Column.of(column.name()));
                }
            }
            out.add(new Discovered.Table(schema, schema, table.name(), table.name(), false, columns));
        }
        return out;
    }
}

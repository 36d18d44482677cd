package io.tributary.runtime.schema;

import io.tributary.sdk.ColumnType;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks what {@code schema()} returned and names tables and columns for the destination. */
public final class SchemaValidator {
    private SchemaValidator() {
    }

    public static List<DeclaredTable> validate(List<Table> tables, Naming naming) {
        if (tables == null) {
            return List.of();
        }
        Map<String, DeclaredTable> byName = new LinkedHashMap<>();
        int index = 0;
        for (Table table : tables) {
            index++;
            if (table == null || table.name() == null || table.name().isBlank()) {
                throw new ConnectorException("schema(): table #" + index + " has no name; give every Table a name");
            }
            DeclaredTable declared = validate(table, naming);
            DeclaredTable previous = byName.putIfAbsent(declared.name(), declared);
            if (previous != null) {
                throw new ConnectorException("schema(): table '" + table.name() + "' is declared twice"
                        + (previous.sourceName().equals(table.name()) ? "" : " (as '" + previous.sourceName()
                        + "' too; both are named '" + declared.name() + "' in the destination)")
                        + "; declare each table once");
            }
        }
        return List.copyOf(byName.values());
    }

    private static DeclaredTable validate(Table table, Naming naming) {
        String tableName = naming.table(table.name());
        String where = "schema(): table '" + table.name() + "'";
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (var entry : table.columns().entrySet()) {
            String column = entry.getKey();
            if (column == null || column.isBlank()) {
                throw new ConnectorException(where + " has a column without a name");
            }
            String name = naming.column(column);
            if (name.equals(TableSchema.FIVETRAN_SYNCED) || name.equals(TableSchema.FIVETRAN_DELETED)) {
                throw new ConnectorException(where + " column '" + column + "': the name '" + name
                        + "' is reserved for a system column; rename it");
            }
            ColumnType type;
            try {
                type = ColumnType.parse(entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new ConnectorException(where + " column '" + column + "': " + e.getMessage());
            }
            String clash = sourceOf.putIfAbsent(name, column);
            if (clash != null) {
                throw new ConnectorException(where + ": columns '" + clash + "' and '" + column
                        + "' are both named '" + name + "' in the destination; rename one");
            }
            types.put(name, type);
        }
        List<ColumnSchema> columns = new ArrayList<>();
        List<String> untypedKey = new ArrayList<>();
        Set<String> key = new HashSet<>();
        for (String column : table.primaryKey()) {
            if (column == null || column.isBlank()) {
                throw new ConnectorException(where + " has an empty primary-key column name");
            }
            String name = naming.column(column);
            if (!key.add(name)) {
                throw new ConnectorException(where + " lists primary-key column '" + column + "' twice");
            }
            ColumnType type = types.get(name);
            if (type == null) {
                untypedKey.add(name);
            } else {
                columns.add(new ColumnSchema(name, type, true));
            }
        }
        types.forEach((name, type) -> {
            if (!key.contains(name)) {
                columns.add(new ColumnSchema(name, type, false));
            }
        });
        return new DeclaredTable(tableName, table.name(), columns, untypedKey, Set.copyOf(types.keySet()));
    }
}

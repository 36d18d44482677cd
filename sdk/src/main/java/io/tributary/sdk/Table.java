package io.tributary.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as a connector declares it: a name, an optional primary key, and the types of the columns worth
 * fixing. Types given as text ({@code "DECIMAL(15,2)"}) are checked when the sync validates the schema, so a
 * mistake is reported with the table and column it concerns.
 *
 * <pre>{@code
 * Table.named("orders").primaryKey("id").column("amount", "DECIMAL(15,2)").column("placed_at", DataType.UTC_DATETIME)
 * }</pre>
 */
public final class Table {
    private final String name;
    private final List<String> primaryKey = new ArrayList<>();
    private final Map<String, String> columns = new LinkedHashMap<>();

    private Table(String name) {
        this.name = name;
    }

    public static Table named(String name) {
        return new Table(name);
    }

    public Table primaryKey(String... columnNames) {
        primaryKey.addAll(List.of(columnNames));
        return this;
    }

    public Table column(String columnName, DataType type) {
        columns.put(columnName, type.name());
        return this;
    }

    public Table column(String columnName, String typeSpec) {
        columns.put(columnName, typeSpec);
        return this;
    }

    public Table decimal(String columnName, int precision, int scale) {
        columns.put(columnName, "DECIMAL(" + precision + "," + scale + ")");
        return this;
    }

    public String name() {
        return name;
    }

    public List<String> primaryKey() {
        return Collections.unmodifiableList(primaryKey);
    }

    /** Column name to type text, in declaration order. */
    public Map<String, String> columns() {
        return Collections.unmodifiableMap(columns);
    }

    @Override
    public String toString() {
        return "Table[" + name + ", primaryKey=" + primaryKey + ", columns=" + columns + "]";
    }
}

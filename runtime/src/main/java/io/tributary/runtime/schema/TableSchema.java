package io.tributary.runtime.schema;

import io.tributary.sdk.ColumnType;
import io.tributary.sdk.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable snapshot of a destination table's data columns (system columns excluded). A table without a
 * declared primary key is keyed by {@value #FIVETRAN_ID}, which is then its first column.
 */
public record TableSchema(String name, List<ColumnSchema> columns) {
    public static final String FIVETRAN_ID = "_fivetran_id";
    public static final String FIVETRAN_SYNCED = "_fivetran_synced";
    public static final String FIVETRAN_DELETED = "_fivetran_deleted";

    public TableSchema {
        columns = List.copyOf(columns);
    }

    public static TableSchema keyless(String name) {
        return new TableSchema(name, List.of(new ColumnSchema(FIVETRAN_ID, ColumnType.of(DataType.STRING), true)));
    }

    public boolean hasSurrogateKey() {
        return !columns.isEmpty() && columns.get(0).name().equals(FIVETRAN_ID);
    }

    public List<ColumnSchema> primaryKey() {
        return columns.stream().filter(ColumnSchema::primaryKey).toList();
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    public ColumnSchema column(String column) {
        int i = indexOf(column);
        return i < 0 ? null : columns.get(i);
    }

    public TableSchema withColumn(ColumnSchema column) {
        List<ColumnSchema> next = new ArrayList<>(columns);
        next.add(column);
        return new TableSchema(name, next);
    }

    public TableSchema withType(String column, ColumnType type) {
        List<ColumnSchema> next = new ArrayList<>(columns);
        int i = indexOf(column);
        next.set(i, next.get(i).withType(type));
        return new TableSchema(name, next);
    }
}

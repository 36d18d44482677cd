package io.tributary.runtime.schema;

import java.util.List;
import java.util.Set;

/**
 * A table from the connector's {@code schema()}, validated and named for the destination.
 *
 * @param columns     the typed columns, primary key first
 * @param untypedKey  primary-key columns without a declared type: inferred from the first row
 * @param declared    every column whose type the connector fixed
 */
public record DeclaredTable(String name, String sourceName, List<ColumnSchema> columns, List<String> untypedKey,
                            Set<String> declared) {

    public boolean hasPrimaryKey() {
        return !untypedKey.isEmpty() || columns.stream().anyMatch(ColumnSchema::primaryKey);
    }
}

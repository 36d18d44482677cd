package io.tributary.sdk.jdbc;

import java.util.Map;

/**
 * One row read from a source table.
 *
 * @param values   column name (as the database stores it) to the SDK's Java value for the column's type; pass it to
 *                 {@code operations.upsert} as it is
 * @param position the read's position after this row: save it in the state to resume after this row
 */
public record SourceRow(Map<String, Object> values, Position position) {
}

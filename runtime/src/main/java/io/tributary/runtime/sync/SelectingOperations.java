package io.tributary.runtime.sync;

import io.tributary.runtime.schema.Naming;
import io.tributary.runtime.values.RowMapper;
import io.tributary.sdk.Operations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Applies a {@link Selection} in front of the sync's operations. Only used when something is deselected. */
final class SelectingOperations implements Operations {
    private final Operations target;
    private final Selection selection;
    private final Naming naming;
    private final AtomicLong dropped = new AtomicLong();

    SelectingOperations(Operations target, Selection selection, Naming naming) {
        this.target = target;
        this.selection = selection;
        this.naming = naming;
    }

    /** Operations dropped because their table is disabled. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void upsert(String table, Object row) {
        if (keeps(table)) {
            target.upsert(table, select(table, row, "upsert"));
        }
    }

    @Override
    public void update(String table, Object row) {
        if (keeps(table)) {
            target.update(table, select(table, row, "update"));
        }
    }

    @Override
    public void delete(String table, Object keys) {
        if (keeps(table)) {
            target.delete(table, keys);
        }
    }

    @Override
    public void truncate(String table) {
        if (keeps(table)) {
            target.truncate(table);
        }
    }

    @Override
    public void checkpoint(Object state) {
        target.checkpoint(state);
    }

    @Override
    public RuntimeException error(String message) {
        return target.error(message);
    }

    @Override
    public void warning(String message) {
        target.warning(message);
    }

    private boolean keeps(String table) {
        if (table != null && selection.disabledTables().contains(naming.table(table))) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    private Object select(String table, Object row, String op) {
        Set<String> excluded = table == null ? null : selection.excludedColumns().get(naming.table(table));
        if (excluded == null || excluded.isEmpty()) {
            return row;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        RowMapper.toMap(row, op, table).forEach((column, value) -> {
            if (!excluded.contains(naming.column(column))) {
                kept.put(column, value);
            }
        });
        return kept;
    }
}

package io.tributary.runtime.sync;

import io.tributary.runtime.schema.Naming;
import io.tributary.runtime.values.RowMapper;
import io.tributary.sdk.Operations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Applies a {@link Selection} in front of the sync's operations. Only used when something is deselected. */
final class SelectingOperations implements Operations {
    private final Operations target;
    private final Selection selection;
    private final Naming naming;
    private final AtomicLong dropped = new AtomicLong();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    // Naming rules run per row and column here; connectors repeat the same few names.
    private final Map<String, String> tableNames = new ConcurrentHashMap<>();
    private final Map<String, String> columnNames = new ConcurrentHashMap<>();

    SelectingOperations(Operations target, Selection selection, Naming naming) {
        this.target = target;
        this.selection = selection;
        this.naming = naming;
    }

    /** Operations dropped because their table is disabled or new and blocked. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void upsert(String table, Object row) {
        if (keeps(table)) {
            target.upsert(table, select(table, row, "upsert"));
        } else {
            noteColumnsOfBlocked(table, row, "upsert");
        }
    }

    @Override
    public void update(String table, Object row) {
        if (keeps(table)) {
            target.update(table, select(table, row, "update"));
        } else {
            noteColumnsOfBlocked(table, row, "update");
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
        if (table == null) {
            return true; // the sync's own validation names the problem
        }
        String name = tableNames.computeIfAbsent(table, naming::table);
        if (selection.keepsTable(name)) {
            return true;
        }
        if (selection.newItems().blocksTable(name) && reported.add(name)) {
            selection.newItems().listener().blocked(name, null);
        }
        dropped.incrementAndGet();
        return false;
    }

    /** A blocked new table's columns are reported too, so once a user enables the table they are known. */
    private void noteColumnsOfBlocked(String table, Object row, String op) {
        String name = tableNames.computeIfAbsent(table, naming::table);
        if (!selection.newItems().blocksTable(name)) {
            return; // disabled by the user, not new
        }
        RowMapper.toMap(row, op, table).keySet().forEach(column -> {
            String columnName = columnNames.computeIfAbsent(column, naming::column);
            if (reported.add(name + "\u0000" + columnName)) {
                selection.newItems().listener().blocked(name, columnName);
            }
        });
    }

    private Object select(String table, Object row, String op) {
        String name = table == null ? null : tableNames.computeIfAbsent(table, naming::table);
        Set<String> excluded = name == null ? null : selection.excludedColumns().get(name);
        boolean blocking = name != null && selection.newItems().blockColumns()
                && selection.newItems().known().containsKey(name);
        if (!blocking && (excluded == null || excluded.isEmpty())) {
            return row;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        RowMapper.toMap(row, op, table).forEach((column, value) -> {
            String columnName = columnNames.computeIfAbsent(column, naming::column);
            if (excluded != null && excluded.contains(columnName)) {
                return;
            }
            if (blocking && selection.newItems().blocksColumn(name, columnName)) {
                if (reported.add(name + "\u0000" + columnName)) {
                    selection.newItems().listener().blocked(name, columnName);
                }
                return;
            }
            kept.put(column, value);
        });
        return kept;
    }
}

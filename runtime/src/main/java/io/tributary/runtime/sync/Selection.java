package io.tributary.runtime.sync;

import java.util.Map;
import java.util.Set;

/**
 * Which of a connector's tables and columns a sync keeps, by destination name (after naming rules): a server's
 * schema config disables tables and excludes columns, and its schema change handling may keep out tables and
 * columns it has never seen ({@link NewItems}). Operations on a dropped table are dropped; dropped columns are
 * removed from rows before they are validated. Primary-key columns cannot be excluded.
 */
public record Selection(Set<String> disabledTables, Map<String, Set<String>> excludedColumns, NewItems newItems) {
    public static final Selection ALL = new Selection(Set.of(), Map.of());

    public Selection {
        disabledTables = Set.copyOf(disabledTables);
        excludedColumns = Map.copyOf(excludedColumns);
    }

    public Selection(Set<String> disabledTables, Map<String, Set<String>> excludedColumns) {
        this(disabledTables, excludedColumns, NewItems.ALLOWED);
    }

    public boolean isAll() {
        return disabledTables.isEmpty() && excludedColumns.isEmpty() && !newItems.blocksAny();
    }

    /** Whether rows of this table are kept: it is neither disabled nor new and blocked. */
    public boolean keepsTable(String table) {
        return !disabledTables.contains(table) && !newItems.blocksTable(table);
    }

    /**
     * What the config knew before the sync ({@code known}: every table with every column, enabled or not) and
     * whether new tables and new columns are kept out (Fivetran's ALLOW_COLUMNS blocks new tables, BLOCK_ALL both).
     * {@code listener} hears of each table and column kept out, once.
     */
    public record NewItems(Map<String, Set<String>> known, boolean blockTables, boolean blockColumns,
                           BlockedListener listener) {
        public static final NewItems ALLOWED = new NewItems(Map.of(), false, false, (table, column) -> { });

        public NewItems {
            known = Map.copyOf(known);
        }

        boolean blocksAny() {
            return blockTables || blockColumns;
        }

        boolean blocksTable(String table) {
            return blockTables && !known.containsKey(table);
        }

        /** Whether a column of a known table is new and blocked. */
        boolean blocksColumn(String table, String column) {
            Set<String> columns = known.get(table);
            return blockColumns && columns != null && !columns.contains(column);
        }
    }

    /**
     * Told of a table ({@code column} null) or a column that a sync kept out because it is new; after a blocked
     * table, of the columns its rows had.
     */
    @FunctionalInterface
    public interface BlockedListener {
        void blocked(String table, String column);
    }
}

package io.tributary.runtime.sync;

import java.util.Map;
import java.util.Set;

/**
 * Which of a connector's tables and columns a sync keeps, by destination name (after naming rules): a server's
 * schema config disables tables and excludes columns. Operations on a disabled table are dropped; excluded
 * columns are removed from rows before they are validated. Primary-key columns cannot be excluded.
 */
public record Selection(Set<String> disabledTables, Map<String, Set<String>> excludedColumns) {
    public static final Selection ALL = new Selection(Set.of(), Map.of());

    public Selection {
        disabledTables = Set.copyOf(disabledTables);
        excludedColumns = Map.copyOf(excludedColumns);
    }

    public boolean isAll() {
        return disabledTables.isEmpty() && excludedColumns.isEmpty();
    }
}

package io.tributary.server.orchestration;

import io.tributary.runtime.sync.Selection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables and columns a sync kept out because they are new and the schema change handling blocks them, logged
 * (into the sync's log) and kept for the capture after the sync, which records them disabled so users can enable them.
 */
final class BlockedItems implements Selection.BlockedListener {
    private static final Logger LOG = LoggerFactory.getLogger("tributary");
    private final Map<String, Set<String>> items = new ConcurrentHashMap<>();

    private final Set<String> wholeTables = ConcurrentHashMap.newKeySet();

    @Override
    public void blocked(String table, String column) {
        Set<String> columns = items.computeIfAbsent(table, t -> ConcurrentHashMap.newKeySet());
        if (column == null) {
            wholeTables.add(table);
            LOG.info("table {} is new, and the schema change handling keeps new tables out: its rows are skipped; "
                    + "enable it in the schema config to sync it", table);
            return;
        }
        columns.add(column);
        if (!wholeTables.contains(table)) {
            LOG.info("column {}.{} is new, and the schema change handling keeps new columns out: its values are "
                    + "skipped; enable it in the schema config to sync it", table, column);
        }
    }

    /** Each blocked table with the columns its rows had, and each known table with its blocked columns. */
    Map<String, Set<String>> byTable() {
        return items;
    }
}

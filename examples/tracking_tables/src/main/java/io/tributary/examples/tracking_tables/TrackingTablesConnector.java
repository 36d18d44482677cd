package io.tributary.examples.tracking_tables;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.RequestPolicy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tracks which tables have been synced, so a table added to {@code tables} later gets its whole history while the
 * others carry on from where they were. Each table keeps its own cursor in the state; a table without one starts
 * at {@code initial_sync_start}. A shared cursor would make a new table start at the others' position and miss
 * everything updated before it.
 */
public class TrackingTablesConnector implements Connector {
    static final String CURSORS = "cursors";
    static final String DEFAULT_INITIAL_SYNC_START = "2024-01-01T00:00:00Z";

    private final RequestPolicy policy;

    public TrackingTablesConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    TrackingTablesConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        List<Table> tables = new ArrayList<>();
        for (SourceTable t : SourceTable.values()) {
            tables.add(t.declaration());
        }
        return tables;
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Set<SourceTable> selected = selected(configuration);
        String initialStart = initialStart(configuration);
        HttpApi api = HttpApi.builder().baseUrl(configuration.get("base_url", "http://127.0.0.1:5001")).policy(policy).build();
        State cursors = state.getObject(CURSORS);
        for (String name : cursors.keys()) {
            if (selected.stream().noneMatch(t -> t.tableName().equals(name))) {
                Log.info(name + " is no longer selected; its cursor is kept in case it comes back");
            }
        }
        for (SourceTable table : selected) {
            String cursor = cursors.getString(table.tableName());
            if (cursor == null) {
                Log.info(table.tableName() + " is new: syncing its history from " + initialStart);
                cursor = initialStart;
            } else {
                Log.info(table.tableName() + " was synced before: syncing changes after " + cursor);
            }
            int rows = 0;
            for (Page page : table.pagesAfter(api, cursor)) {
                if (page.isEmpty()) {
                    break;
                }
                for (Map<String, Object> record : page.records()) {
                    operations.upsert(table.tableName(), record);
                    rows++;
                }
                // Records come oldest update first: the last one's update time is the table's new cursor.
                cursors.put(table.tableName(), (String) page.records().get(page.records().size() - 1).get("updatedAt"));
                operations.checkpoint(state);
            }
            Log.info(table.tableName() + ": " + rows + " rows");
        }
    }

    private static Set<SourceTable> selected(Configuration configuration) {
        Set<SourceTable> selected = new LinkedHashSet<>();
        List<String> names = configuration.has("tables") ? configuration.getList("tables") : List.of("users", "companies");
        for (String name : names) {
            selected.add(SourceTable.named(name).orElseThrow(() -> new ConfigurationException("tables",
                    "configuration key 'tables' names '" + name + "', which this connector does not know; it knows "
                            + SourceTable.names())));
        }
        if (selected.isEmpty()) {
            throw new ConfigurationException("tables", "configuration key 'tables' names no table; use "
                    + SourceTable.names());
        }
        return selected;
    }

    private static String initialStart(Configuration configuration) {
        String value = configuration.get("initial_sync_start", DEFAULT_INITIAL_SYNC_START).trim();
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("initial_sync_start", "configuration key 'initial_sync_start' must be an "
                    + "ISO-8601 UTC timestamp such as 2024-01-01T00:00:00Z, got \"" + value + "\"");
        }
    }
}

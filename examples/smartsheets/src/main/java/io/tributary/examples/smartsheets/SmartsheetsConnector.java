package io.tributary.examples.smartsheets;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.examples.smartsheets.SmartsheetClient.SheetData;
import io.tributary.examples.smartsheets.SmartsheetClient.SheetSummary;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.RequestPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Port of the Fivetran Connector SDK example {@code smartsheets}: every selected sheet lands in its own table
 * {@code sheet_<name>}, with one column per sheet column (mapped by column id to its title). Rows that are new
 * or modified since the sheet's {@code last_modified} are upserted; rows whose ids were in the previous sync
 * and are gone now are deleted. State: {@code {last_modified, sheet_states: {<sheet id>: {last_modified,
 * row_ids}}}}, checkpointed after each sheet.
 */
public class SmartsheetsConnector implements Connector {
    static final String DEFAULT_BASE_URL = "https://api.smartsheet.com/2.0";
    private static final int DEFAULT_REQUESTS_PER_MINUTE = 60;
    private final RequestPolicy basePolicy;

    public SmartsheetsConnector() {
        // The original: 3 retries with exponential backoff from 1 s on 429 and 5xx.
        this(RequestPolicy.builder().maxRetries(3).backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)).build());
    }

    /** For tests: a policy with short backoffs; the rate limit is still taken from the configuration. */
    SmartsheetsConnector(RequestPolicy basePolicy) {
        this.basePolicy = basePolicy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        SheetSelection selection = SheetSelection.from(configuration);
        List<Table> tables = new ArrayList<>();
        for (SheetSummary sheet : sheets(client(configuration), selection)) {
            tables.add(Table.named(selection.tableFor(sheet.id(), sheet.name())).primaryKey("id")
                    .column("id", DataType.STRING));
        }
        return tables;
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        SmartsheetClient client = client(configuration);
        SheetSelection selection = SheetSelection.from(configuration);
        State sheetStates = state.getObject("sheet_states");
        for (SheetSummary sheet : sheets(client, selection)) {
            String table = selection.tableFor(sheet.id(), sheet.name());
            SheetData data;
            try {
                data = client.readSheet(sheet.id());
            } catch (HttpException e) {
                // As the original: a sheet that cannot be read is skipped, its state kept for the next sync.
                Log.warning("Error processing sheet " + sheet.name() + " (" + sheet.id() + "): " + e.getMessage());
                continue;
            }
            syncSheet(sheet, table, data, sheetStates.getObject(sheet.id()), operations);
            state.put("last_modified", latest(sheetStates));
            operations.checkpoint(state);
        }
    }

    private void syncSheet(SheetSummary sheet, String table, SheetData data, State sheetState, Operations operations) {
        String cursor = sheetState.getString("last_modified");
        Set<String> previousIds = new TreeSet<>();
        JsonNode stored = sheetState.get("row_ids");
        if (stored != null) {
            stored.forEach(id -> previousIds.add(id.asText()));
        }
        Set<String> currentIds = new TreeSet<>();
        RowMapper mapper = new RowMapper(data.columns());
        String latest = cursor;
        int upserted = 0;
        for (Map<String, Object> row : data.rows()) {
            String rowId = String.valueOf(row.get("id"));
            currentIds.add(rowId);
            String modified = (String) row.get("modifiedAt");
            if (cursor == null || !previousIds.contains(rowId) || isAfter(modified, cursor)) {
                operations.upsert(table, mapper.map(row, sheet.id(), sheet.name()));
                upserted++;
            }
            if (modified != null && (latest == null || isAfter(modified, latest))) {
                latest = modified;
            }
        }
        int deleted = 0;
        for (String rowId : previousIds) {
            if (!currentIds.contains(rowId)) {
                operations.delete(table, Map.of("id", RowMapper.rowKey(rowId)));
                deleted++;
            }
        }
        Log.info("Sheet '" + sheet.name() + "': " + data.rows().size() + " rows, " + upserted + " new or modified, "
                + deleted + " deleted");
        if (latest != null) {
            sheetState.put("last_modified", latest);
        }
        sheetState.putValue("row_ids", new ArrayList<>(currentIds));
    }

    private static List<SheetSummary> sheets(SmartsheetClient client, SheetSelection selection) {
        if (selection.isEmpty()) {
            return client.listSheets();
        }
        List<SheetSummary> out = new ArrayList<>();
        for (String id : selection.ids()) {
            out.add(client.sheet(id));
        }
        return out;
    }

    /** The latest {@code last_modified} over all sheets, as the original's top-level key. */
    private static String latest(State sheetStates) {
        String latest = null;
        for (String id : sheetStates.keys()) {
            String t = sheetStates.getObject(id).getString("last_modified");
            if (t != null && (latest == null || isAfter(t, latest))) {
                latest = t;
            }
        }
        return latest;
    }

    private static boolean isAfter(String a, String b) {
        return a != null && Instant.parse(a).isAfter(Instant.parse(b));
    }

    private SmartsheetClient client(Configuration configuration) {
        int perMinute = configuration.getInt("requests_per_minute", DEFAULT_REQUESTS_PER_MINUTE);
        if (perMinute < 1) {
            throw new Configuration.ConfigurationException("requests_per_minute",
                    "configuration key 'requests_per_minute' must be at least 1, got " + perMinute);
        }
        // The toolkit limits per second and per hour; perMinute/60 a second never passes perMinute a minute.
        RequestPolicy policy = basePolicy.toBuilder().rateLimit(Math.max(1, perMinute / 60), perMinute * 60).build();
        int pageSize = configuration.getInt("page_size", SmartsheetClient.DEFAULT_PAGE_SIZE);
        if (pageSize < 1 || pageSize > 10_000) {
            throw new Configuration.ConfigurationException("page_size",
                    "configuration key 'page_size' must be between 1 and 10000, got " + pageSize);
        }
        return new SmartsheetClient(configuration.get("base_url", DEFAULT_BASE_URL), configuration.require("api_token"),
                policy, pageSize);
    }
}

package io.tributary.examples.smartsheets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.playground.Credentials;
import io.tributary.playground.Playground;
import io.tributary.sdk.State;
import io.tributary.sdk.http.Auth;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmartsheetsConnectorTest {
    private static final String TRACKER_ID = "4583173393803140";
    private static final String INVENTORY_ID = "2331373580117892";
    private static final String TRACKER = "sheet_project_tracker";
    private static final String INVENTORY = "sheet_inventory";

    // No truncate: the toolkit does not retry a body cut short (see the README).
    private static final String FAULTS = "429:0.07:0,500:0.05,503:0.04,reset:0.03";

    private Playground playground;

    @BeforeEach
    void startPlayground() {
        playground = Playground.builder().port(0).start();
    }

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    @Test
    void firstSyncLandsEverySheetAndTheNextDayFindsNewChangedAndDeletedRows() {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();

            JsonNode tracker = sourceSheet(TRACKER_ID);
            assertThat(tester.rows(TRACKER)).hasSize(30);
            assertThat(tester.rows(INVENTORY)).hasSize(20);
            assertMatchesSource(tester.rows(TRACKER), tracker);
            assertMatchesSource(tester.rows(INVENTORY), sourceSheet(INVENTORY_ID));
            Map<String, Object> first = byRowId(tester.rows(TRACKER)).values().iterator().next();
            assertThat(first.keySet()).contains("id", "row_id", "sheet_id", "sheet_name", "task", "owner", "status",
                    "due_date", "done", "budget", "_fivetran_deleted", "_fivetran_synced");
            assertThat(first).containsEntry("sheet_id", TRACKER_ID).containsEntry("sheet_name", "Project Tracker");

            State state = tester.state();
            assertThat(state.get("sheet_states").get(TRACKER_ID).get("row_ids")).hasSize(30);
            assertThat(state.get("sheet_states").get(INVENTORY_ID).get("row_ids")).hasSize(20);
            assertThat(state.get("sheet_states").get(TRACKER_ID).get("last_modified").asText())
                    .isEqualTo(latestModified(tracker));
            assertThat(state.getString("last_modified")).isEqualTo(max(latestModified(tracker),
                    latestModified(sourceSheet(INVENTORY_ID))));
            Map<String, Object> syncedBefore = syncedTimes(tester.rows(TRACKER));

            playground.nextDay();
            JsonNode trackerDay1 = sourceSheet(TRACKER_ID);
            tester.sync().assertSucceeded();

            // 30 + 2 new; one of the 30 is gone and kept as soft-deleted; no row twice.
            List<Map<String, Object>> rows = tester.rows(TRACKER);
            assertThat(rows).hasSize(32);
            assertThat(rows.stream().map(r -> r.get("id")).distinct()).hasSize(32);
            assertThat(tester.liveRows(TRACKER)).hasSize(31);
            assertMatchesSource(tester.liveRows(TRACKER), trackerDay1);
            List<Map<String, Object>> deleted = tester.query("SELECT * FROM tester." + TRACKER + " WHERE _fivetran_deleted");
            assertThat(deleted).singleElement().satisfies(row -> {
                assertThat(ids(trackerDay1)).doesNotContain((String) row.get("row_id"));
                assertThat(row.get("task")).isNotNull(); // the last values are kept
            });
            assertThat(tester.liveRows(INVENTORY)).hasSize(21);
            assertThat(tester.rows(INVENTORY)).hasSize(22);

            // Only new and modified rows were written again: the others keep their first _fivetran_synced.
            Map<String, Object> syncedAfter = syncedTimes(tester.liveRows(TRACKER));
            long rewritten = syncedBefore.keySet().stream().filter(syncedAfter::containsKey)
                    .filter(id -> !syncedBefore.get(id).equals(syncedAfter.get(id))).count();
            assertThat(rewritten).isEqualTo(3);

            State after = tester.state();
            assertThat(after.get("sheet_states").get(TRACKER_ID).get("row_ids")).hasSize(31);
            assertThat(after.get("sheet_states").get(TRACKER_ID).get("last_modified").asText())
                    .isEqualTo(latestModified(trackerDay1));

            // Nothing changed since: a third sync keeps the warehouse and the state.
            Map<String, Object> snapshot = tester.snapshot();
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).isEqualTo(snapshot);
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        Map<String, Object> clean = fourDays(null);
        playground.reset();
        Map<String, Object> faulted = fourDays(FAULTS);
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(faulted).isEqualTo(clean);
    }

    @Test
    void resumesFromEveryCheckpoint() {
        playground.setDay(2);
        try (ConnectorTester tester = tester()) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void namedSheetsLandInTablesOfTheConfiguredName() {
        Map<String, String> config = new HashMap<>(configuration());
        config.put("sheets", INVENTORY_ID + ":Main Stock-Room");
        try (ConnectorTester tester = ConnectorTester.of(new SmartsheetsConnector(fastPolicy())).configuration(config)) {
            tester.sync().assertSucceeded();
            assertThat(tester.rows("sheet_main_stock_room")).hasSize(20)
                    .allSatisfy(row -> assertThat(row).containsEntry("sheet_name", "Inventory"));
            assertThat(tester.query("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'tester'"))
                    .extracting(r -> r.get("table_name")).containsExactly("sheet_main_stock_room");
        }
    }

    @Test
    void aWrongTokenFailsTheSync() {
        Map<String, String> config = new HashMap<>(configuration());
        config.put("api_token", "wrong");
        try (ConnectorTester tester = ConnectorTester.of(new SmartsheetsConnector(fastPolicy())).configuration(config)) {
            tester.sync().assertFailedWith("401");
        }
    }

    /** Syncs days 0 to 3, one sync a day, and returns the warehouse. */
    private Map<String, Object> fourDays(String faults) {
        playground.setDay(0);
        if (faults != null) {
            playground.setFaults(faults);
        }
        try (ConnectorTester tester = tester()) {
            for (int day = 0; day < 4; day++) {
                playground.setDay(day);
                tester.sync().assertSucceeded();
            }
            return tester.snapshot();
        }
    }

    /** Each warehouse row has the source row's cells, typed by column type. */
    private static void assertMatchesSource(List<Map<String, Object>> warehouse, JsonNode sheet) {
        Map<Long, String> titles = new HashMap<>();
        sheet.path("columns").forEach(c -> titles.put(c.path("id").asLong(), RowMapper.normalize(c.path("title").asText())));
        Map<String, Map<String, Object>> rows = byRowId(warehouse);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(ids(sheet));
        for (JsonNode source : sheet.path("rows")) {
            Map<String, Object> row = rows.get(source.path("id").asText());
            assertThat(row.get("id")).isEqualTo(RowMapper.rowKey(source.path("id").asText()));
            for (JsonNode cell : source.path("cells")) {
                String column = titles.get(cell.path("columnId").asLong());
                JsonNode value = cell.path("value");
                Object actual = row.get(column);
                switch (column) {
                    case "budget":
                    case "price":
                    case "quantity":
                        assertThat((BigDecimal) actual).isEqualByComparingTo(value.decimalValue());
                        break;
                    case "done":
                    case "restock":
                        assertThat(actual).isEqualTo(value.asBoolean());
                        break;
                    case "due_date":
                    case "last_counted":
                        assertThat(actual).isEqualTo(LocalDate.parse(value.asText()));
                        break;
                    default:
                        assertThat(actual).isEqualTo(cell.path("displayValue").asText());
                }
            }
        }
    }

    private static Map<String, Map<String, Object>> byRowId(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get("row_id"), r -> r));
    }

    private static Map<String, Object> syncedTimes(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get("row_id"), r -> r.get("_fivetran_synced")));
    }

    private static List<String> ids(JsonNode sheet) {
        List<String> out = new ArrayList<>();
        sheet.path("rows").forEach(r -> out.add(r.path("id").asText()));
        return out;
    }

    private static String latestModified(JsonNode sheet) {
        TreeSet<String> times = new TreeSet<>();
        sheet.path("rows").forEach(r -> times.add(r.path("modifiedAt").asText()));
        return times.last();
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private JsonNode sourceSheet(String id) {
        HttpApi api = HttpApi.builder().baseUrl(playground.baseUrl() + "/smartsheet/2.0/")
                .auth(Auth.bearer(Credentials.BEARER_TOKEN)).build();
        return api.get("sheets/" + id).query("fault", "none").json();
    }

    private ConnectorTester tester() {
        return ConnectorTester.of(new SmartsheetsConnector(fastPolicy())).configuration(configuration());
    }

    private Map<String, String> configuration() {
        return Map.of(
                "base_url", playground.baseUrl() + "/smartsheet/2.0",
                "api_token", Credentials.BEARER_TOKEN,
                "requests_per_minute", "60000",
                "page_size", "7");
    }

    static RequestPolicy fastPolicy() {
        return RequestPolicy.builder().maxRetries(3).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    }
}

package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.orchestration.Orchestrator;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.SyncRunStore;
import io.tributary.server.webhooks.WebhookDelivery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The orchestrator runs deployed connectors into the group's warehouse and the API shows what happened. */
class SyncOrchestrationTest {
    @TempDir
    Path dir;
    private ServerFixture f;
    private Orchestrator orchestrator;

    @AfterEach
    void stop() {
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (f != null) {
            f.close();
        }
    }

    private void start(StoreKind kind) {
        start(kind, Duration.ofHours(24));
    }

    private void start(StoreKind kind, Duration syncTimeout) {
        f = ServerFixture.start(kind, dir.resolve("server"), c -> c.withAllowHttpWebhooks(true));
        orchestrator = new Orchestrator(f.server.database(), new Orchestrator.Settings("node-a", 2,
                Duration.ofMillis(100), Duration.ofSeconds(2), getClass().getClassLoader(), dir.resolve("packages"),
                syncTimeout)).start();
    }

    private String connection(String groupId, String schema, Class<?> connector, String settings, String config) {
        return Connections.create(f, "{\"group_id\": \"" + groupId + "\", \"service\": \"connector_sdk\", " + settings
                + "\"config\": {\"schema\": \"" + schema + "\", \"connector_class\": \"" + connector.getName() + "\""
                + config + "}}");
    }

    private static final String MANUAL = "\"schedule_type\": \"manual\", ";

    private JsonNode details(String id) {
        return Syncs.details(f, id);
    }

    private JsonNode syncAndWait(String id) {
        return Syncs.syncAndWait(f, id);
    }

    private static boolean present(JsonNode field) {
        return Syncs.present(field);
    }

    private static void await(BooleanSupplier condition) {
        Syncs.await(condition);
    }

    private List<String> rows(String group, String sql) throws Exception {
        return Syncs.rows(dir.resolve(group + ".db"), sql);
    }

    private List<JsonNode> history(String id) {
        return Syncs.history(f, id);
    }

    private List<String> logMessages(String id, String syncId) {
        return Syncs.logMessages(f, id, syncId);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aNewConnectionSyncsOnItsOwnThenOnRequestAndTheApiShowsStateHistoryAndLogs(StoreKind kind) throws Exception {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_a", dir);
        String id = connection(group, "shop", TestConnectors.Counting.class, "", ", \"label\": \"first\"");

        await(() -> present(details(id).path("succeeded_at")));
        assertThat(details(id).path("status").path("is_historical_sync").asBoolean()).isFalse();
        assertThat(rows("warehouse_a", "SELECT id FROM shop.items ORDER BY id")).containsExactly("1", "2", "3");
        assertThat(f.admin.get("/v1/connections/" + id + "/state").data().path("state").toString())
                .isEqualTo("{\"cursor\":3}");

        JsonNode second = syncAndWait(id);
        assertThat(present(second.path("failed_at"))).isFalse();
        assertThat(rows("warehouse_a", "SELECT id FROM shop.items ORDER BY id"))
                .containsExactly("1", "2", "3", "4", "5", "6");
        List<JsonNode> runs = history(id);
        assertThat(runs).extracting(r -> r.path("trigger").asText()).containsExactly("requested", "schedule");
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(r.path("upserts").asLong()).isEqualTo(3);
            assertThat(r.path("checkpoints").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(r.path("node").asText()).isEqualTo("node-a");
            assertThat(r.path("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
        });
        assertThat(logMessages(id, null)).anySatisfy(m -> assertThat(m).isEqualTo("emitting rows 4..6 for first"))
                .anySatisfy(m -> assertThat(m).isEqualTo("running for connection " + id + " (shop) of group " + group
                        + ", deployed as server"));
        assertThat(logMessages(id, runs.get(1).path("id").asText()))
                .anySatisfy(m -> assertThat(m).isEqualTo("emitting rows 1..3 for first"))
                .noneSatisfy(m -> assertThat(m).contains("4..6"));
        assertThat(logMessages(id, runs.get(0).path("id").asText())).as("schema() runs once per sync")
                .filteredOn("declaring the tables"::equals).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFailingConnectorSetsFailedAtAndKeepsExactlyItsLastCheckpoint(StoreKind kind) throws Exception {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_b", dir);
        String id = connection(group, "flaky", TestConnectors.Failing.class, MANUAL, "");

        JsonNode after = syncAndWait(id);

        assertThat(present(after.path("failed_at"))).isTrue();
        assertThat(present(after.path("succeeded_at"))).isFalse();
        JsonNode run = history(id).get(0);
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).contains("the source answered 500 for /items?page=2");
        assertThat(rows("warehouse_b", "SELECT id FROM flaky.items")).containsExactly("1");
        assertThat(f.admin.get("/v1/connections/" + id + "/state").data().path("state").toString())
                .isEqualTo("{\"step\":1}");
        assertThat(logMessages(id, null)).anySatisfy(m -> assertThat(m).contains("the source answered 500"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aStateWrittenThroughTheApiAndAResyncAreWhereTheNextSyncsStart(StoreKind kind) throws Exception {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_c", dir);
        String id = connection(group, "crm", TestConnectors.Counting.class, MANUAL, ", \"rows\": \"2\"");
        syncAndWait(id);

        f.admin.patch("/v1/connections/" + id, "{\"paused\": true}");
        assertThat(f.admin.patch("/v1/connections/" + id + "/state", "{\"state\": {\"cursor\": 100}}").status())
                .isEqualTo(200);
        f.admin.patch("/v1/connections/" + id, "{\"paused\": false}");
        syncAndWait(id);
        assertThat(rows("warehouse_c", "SELECT id FROM crm.items ORDER BY id")).containsExactly("1", "2", "101", "102");

        assertThat(f.admin.post("/v1/connections/" + id + "/resync", "{}").status()).isEqualTo(200);
        JsonNode before = details(id);
        await(() -> !details(id).path("succeeded_at").equals(before.path("succeeded_at")));
        assertThat(f.admin.get("/v1/connections/" + id + "/state").data().path("state").toString())
                .isEqualTo("{\"cursor\":2}");
        assertThat(logMessages(id, null)).anySatisfy(m -> assertThat(m).contains("starts from an empty state"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aMissingConnectorClassFailsTheSyncWithWhatToDo(StoreKind kind) {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_d", dir);
        String id = Connections.create(f, Connections.body(group, "ghost", MANUAL.replace(", ", "")));

        JsonNode after = syncAndWait(id);

        assertThat(present(after.path("failed_at"))).isTrue();
        assertThat(history(id).get(0).path("error").asText())
                .contains("com.example.Hello was not found").contains("--connector-path");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aForcedSyncCancelsTheRunningOneWhichKeepsItsCheckpoints(StoreKind kind) {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_e", dir);
        String id = connection(group, "ticker", TestConnectors.Endless.class, MANUAL, "");
        f.admin.post("/v1/connections/" + id + "/sync", "{}");
        await(() -> details(id).path("status").path("sync_state").asText().equals("syncing")
                && history(id).get(0).path("checkpoints").asLong() > 0);

        assertThat(f.admin.post("/v1/connections/" + id + "/sync", "{\"force\": true}").status()).isEqualTo(200);

        await(() -> history(id).size() == 2);
        JsonNode canceled = history(id).get(1);
        assertThat(canceled.path("status").asText()).isEqualTo("FAILED");
        assertThat(canceled.path("error").asText()).isEqualTo("canceled: a forced sync replaces it");
        // The replacement resumes after the canceled sync's last committed tick.
        long committed = f.admin.get("/v1/connections/" + id + "/state").data().path("state").path("tick").asLong();
        assertThat(committed).isPositive();
        orchestrator.close();
        orchestrator = null;
        assertThat(history(id).get(0).path("status").asText()).isEqualTo("FAILED"); // canceled by shutdown
        assertThat(history(id).get(0).path("error").asText()).isEqualTo("canceled: the server is shutting down");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSyncThatRunsPastTheTimeoutIsCanceledAndKeepsItsCheckpoints(StoreKind kind) {
        start(kind, Duration.ofSeconds(1));
        String group = Connections.groupWithDestination(f, "warehouse_t", dir);
        String id = connection(group, "ticker", TestConnectors.Endless.class, MANUAL, "");

        JsonNode after = syncAndWait(id);

        assertThat(present(after.path("failed_at"))).isTrue();
        JsonNode run = history(id).get(0);
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).isEqualTo("canceled: the sync ran longer than the server's sync "
                + "timeout (PT1S, --sync-timeout); it keeps its last checkpoint and the next sync resumes from there");
        assertThat(f.admin.get("/v1/connections/" + id + "/state").data().path("state").path("tick").asLong())
                .as("the ticks committed before the timeout").isPositive();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSyncWhoseNodeWentSilentIsReapedAndTheConnectionRunsAgainWithAHigherFence(StoreKind kind) {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_f", dir);
        String id = connection(group, "orders", TestConnectors.Counting.class, MANUAL, "");
        SyncRunStore runs = new SyncRunStore(new Jdbc(f.server.database()));
        SyncRunStore.Run dead = runs.claim(id, "schedule", "dead-node", Instant.now().minusSeconds(60)).orElseThrow();

        f.admin.post("/v1/connections/" + id + "/sync", "{}");
        await(() -> runs.latest(id).map(r -> r.status() == SyncRunStore.Status.SUCCEEDED).orElse(false));

        // The reaper's failure moved failed_at; the new sync then succeeded.
        JsonNode after = details(id);
        assertThat(present(after.path("failed_at"))).isTrue();
        assertThat(present(after.path("succeeded_at"))).isTrue();
        SyncRunStore.Run reaped = runs.find(dead.id()).orElseThrow();
        assertThat(reaped.status()).isEqualTo(SyncRunStore.Status.FAILED);
        assertThat(reaped.error()).contains("dead-node stopped renewing its lease");
        SyncRunStore.Run latest = runs.latest(id).orElseThrow();
        assertThat(latest.status()).isEqualTo(SyncRunStore.Status.SUCCEEDED);
        assertThat(latest.fence()).isEqualTo(dead.fence() + 1);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void syncStartAndEndReachTheGroupsWebhooks(StoreKind kind) {
        start(kind);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String group = Connections.groupWithDestination(f, "warehouse_g", dir);
            f.admin.post("/v1/webhooks/group/" + group, "{\"url\": \"" + receiver.url("/hook") + "\", "
                    + "\"events\": [\"sync_start\", \"sync_end\"], \"active\": true, \"secret\": \"s3cr3t-value\"}");
            String id = connection(group, "events", TestConnectors.Failing.class, MANUAL, "");
            syncAndWait(id);
            await(() -> receiver.deliveries().stream().anyMatch(d -> d.text().contains("sync_end")));

            List<String> events = receiver.deliveries().stream().map(WebhookReceiver.Delivery::text)
                    .filter(t -> t.contains("\"connector_id\":\"" + id + "\"")).toList();
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).contains("\"event\":\"sync_start\"");
            assertThat(events.get(1)).contains("\"event\":\"sync_end\"").contains("\"status\":\"FAILED\"")
                    .contains("the source answered 500");
            assertThat(receiver.last().header(WebhookDelivery.SIGNATURE_HEADER))
                    .isEqualToIgnoringCase(WebhookDelivery.sign(receiver.last().body(), "s3cr3t-value"));
        }
    }

    private String transformation(String groupId, String name, String schedule, String sql) {
        Http.Answer created = f.admin.post("/v1/transformations", "{\"type\": \"SQL\", \"schedule\": " + schedule
                + ", \"transformation_config\": {\"group_id\": \"" + groupId + "\", \"name\": \"" + name
                + "\", \"sql\": \"" + sql + "\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.data().path("id").asText();
    }

    private JsonNode runAndWait(String transformationId) {
        assertThat(f.admin.post("/v1/transformations/" + transformationId + "/run", "{}").status()).isEqualTo(200);
        await(() -> List.of("SUCCEEDED", "FAILED").contains(
                f.admin.get("/v1/transformations/" + transformationId).data().path("status").asText()));
        return f.admin.get("/v1/transformations/" + transformationId).data();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void transformationsRunTheirSqlInTheWarehouseAtomicallyOnRequestAndAfterTheirConnectionsSync(StoreKind kind)
            throws Exception {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_h", dir);
        String id = connection(group, "sales", TestConnectors.Counting.class, MANUAL, ", \"rows\": \"4\"");
        syncAndWait(id);

        String summary = transformation(group, "summary", "{\"schedule_type\": \"INTERVAL\", \"interval\": 1440}",
                "CREATE OR REPLACE TABLE sales.summary AS SELECT count(*) AS n FROM sales.items");
        assertThat(runAndWait(summary).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(rows("warehouse_h", "SELECT n FROM sales.summary")).containsExactly("4");

        String broken = transformation(group, "broken", "{\"schedule_type\": \"INTERVAL\", \"interval\": 1440}",
                "CREATE TABLE sales.half_done AS SELECT 1 AS x; SELECT * FROM sales.no_such_table");
        assertThat(runAndWait(broken).path("status").asText()).isEqualTo("FAILED");
        assertThat(rows("warehouse_h", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'"))
                .as("the failed run's first statement was rolled back").containsExactly("0");

        String followsSync = transformation(group, "after_sync", "{\"schedule_type\": \"INTEGRATED\", "
                + "\"connection_ids\": [\"" + id + "\"]}",
                "CREATE OR REPLACE TABLE sales.latest AS SELECT max(id) AS top FROM sales.items");
        syncAndWait(id);
        await(() -> f.admin.get("/v1/transformations/" + followsSync).data().path("status").asText()
                .equals("SUCCEEDED"));
        assertThat(rows("warehouse_h", "SELECT top FROM sales.latest")).containsExactly("8");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSyncCapturesItsTablesInTheSchemaConfigAndTheNextSyncObeysWhatUsersDeselect(StoreKind kind)
            throws Exception {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_i", dir);
        String id = connection(group, "store", TestConnectors.Counting.class, MANUAL, ", \"label\": \"x\"");
        syncAndWait(id);

        JsonNode config = f.admin.get("/v1/connections/" + id + "/schemas").data();
        JsonNode items = config.path("schemas").path("store").path("tables").path("items");
        assertThat(items.path("enabled").asBoolean()).isTrue();
        JsonNode columns = f.admin.get("/v1/connections/" + id + "/schemas/store/tables/items/columns").data()
                .path("columns");
        assertThat(columns.path("id").path("is_primary_key").asBoolean()).isTrue();
        assertThat(columns.has("label")).isTrue();
        assertThat(columns.has("_fivetran_synced")).isFalse();

        String column = "/v1/connections/" + id + "/schemas/store/tables/items/columns/label";
        assertThat(f.admin.patch(column, "{\"enabled\": false}").status()).isEqualTo(200);
        syncAndWait(id);
        assertThat(rows("warehouse_i", "SELECT id || ':' || coalesce(label, '-') FROM store.items ORDER BY id"))
                .containsExactly("1:x", "2:x", "3:x", "4:-", "5:-", "6:-");

        String table = "/v1/connections/" + id + "/schemas/store/tables/items";
        assertThat(f.admin.patch(table, "{\"enabled\": false}").status()).isEqualTo(200);
        syncAndWait(id);
        assertThat(rows("warehouse_i", "SELECT count(*) FROM store.items")).containsExactly("6");
        assertThat(logMessages(id, null)).anySatisfy(m -> assertThat(m).contains("disabled tables [items]"));
    }

    /** A group whose destination is a fresh database in the tests' embedded PostgreSQL. */
    private String groupWithPostgresWarehouse(String database) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + StoreKind.postgresPort() + "/";
        try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        String group = Connections.group(f, database);
        Http.Answer created = f.admin.post("/v1/destinations", "{\"group_id\": \"" + group + "\", \"service\": "
                + "\"postgres_warehouse\", \"time_zone_offset\": \"0\", \"config\": {\"host\": \"127.0.0.1\", "
                + "\"port\": " + StoreKind.postgresPort() + ", \"database\": \"" + database + "\", \"user\": "
                + "\"postgres\", \"password\": \"postgres\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return group;
    }

    private static List<String> postgresRows(String database, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + StoreKind.postgresPort()
                + "/" + database, "postgres", "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void connectionsSyncIntoAPostgresWarehouseWhereFailuresKeepTheLastCheckpointAndTransformationsRun(StoreKind kind)
            throws Exception {
        start(kind);
        String database = "wh_" + kind.name().toLowerCase();
        String group = groupWithPostgresWarehouse(database);
        String counting = connection(group, "shop", TestConnectors.Counting.class, MANUAL, ", \"rows\": \"3\"");
        String failing = connection(group, "flaky", TestConnectors.Failing.class, MANUAL, "");

        syncAndWait(counting);
        syncAndWait(counting);
        assertThat(present(syncAndWait(failing).path("failed_at"))).isTrue();

        assertThat(postgresRows(database, "SELECT id FROM shop.items ORDER BY id"))
                .containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(postgresRows(database, "SELECT id FROM flaky.items")).containsExactly("1");
        assertThat(postgresRows(database, "SELECT schema_name || ':' || fence || ':' || state FROM _tributary.state "
                + "ORDER BY schema_name")).containsExactly("flaky:1:{\"step\":1}", "shop:2:{\"cursor\":6}");

        String summary = transformation(group, "summary", "{\"schedule_type\": \"INTERVAL\", \"interval\": 1440}",
                "CREATE TABLE shop.summary AS SELECT count(*) AS n FROM shop.items");
        assertThat(runAndWait(summary).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(postgresRows(database, "SELECT n FROM shop.summary")).containsExactly("6");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void underBlockAllANewlyDeclaredTableWaitsDisabledInTheSchemaConfigUntilAUserEnablesIt(StoreKind kind)
            throws Exception {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_j", dir);
        String id = connection(group, "crm", TestConnectors.Counting.class, MANUAL, "");
        syncAndWait(id);
        assertThat(f.admin.patch("/v1/connections/" + id + "/schemas", "{\"schema_change_handling\": \"BLOCK_ALL\"}")
                .status()).isEqualTo(200);

        assertThat(f.admin.patch("/v1/connections/" + id, "{\"config\": {\"extra_table\": \"audit\"}}").status())
                .isEqualTo(200);
        syncAndWait(id);

        assertThat(rows("warehouse_j", "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'crm' "
                + "AND table_name = 'audit'")).as("never created").containsExactly("0");
        JsonNode audit = f.admin.get("/v1/connections/" + id + "/schemas").data().path("schemas").path("crm")
                .path("tables").path("audit");
        assertThat(audit.path("enabled").asBoolean(true)).as("captured, disabled").isFalse();
        assertThat(rows("warehouse_j", "SELECT count(*) FROM crm.items")).containsExactly("6");

        assertThat(f.admin.patch("/v1/connections/" + id + "/schemas/crm/tables/audit", "{\"enabled\": true}")
                .status()).isEqualTo(200);
        syncAndWait(id);
        assertThat(rows("warehouse_j", "SELECT id FROM crm.audit")).containsExactly("6");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void underBlockAllANewColumnAndAnUndeclaredTableAreKeptOutFromTheirFirstSyncUntilAUserEnablesThem(StoreKind kind)
            throws Exception {
        start(kind);
        String group = Connections.groupWithDestination(f, "warehouse_k", dir);
        String id = connection(group, "crm", TestConnectors.Counting.class, MANUAL, "");
        syncAndWait(id);
        assertThat(f.admin.patch("/v1/connections/" + id + "/schemas", "{\"schema_change_handling\": \"BLOCK_ALL\"}")
                .status()).isEqualTo(200);
        assertThat(f.admin.patch("/v1/connections/" + id, "{\"config\": {\"extra_column\": \"score\", "
                + "\"undeclared_table\": \"notes\"}}").status()).isEqualTo(200);

        syncAndWait(id);
        assertThat(rows("warehouse_k", "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'crm' "
                + "AND column_name = 'score'")).as("no score column").containsExactly("0");
        assertThat(rows("warehouse_k", "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'crm' "
                + "AND table_name = 'notes'")).as("no notes table").containsExactly("0");
        assertThat(rows("warehouse_k", "SELECT count(*) FROM crm.items")).containsExactly("6");
        JsonNode tables = f.admin.get("/v1/connections/" + id + "/schemas").data().path("schemas").path("crm")
                .path("tables");
        assertThat(tables.path("notes").path("enabled").asBoolean(true)).as("notes captured, disabled").isFalse();
        JsonNode score = f.admin.get("/v1/connections/" + id + "/schemas/crm/tables/items/columns").data()
                .path("columns").path("score");
        assertThat(score.path("enabled").asBoolean(true)).as("score captured, disabled").isFalse();
        assertThat(logMessages(id, null))
                .anySatisfy(m -> assertThat(m).startsWith("column items.score is new, and the schema change handling "
                        + "keeps new columns out"))
                .anySatisfy(m -> assertThat(m).startsWith("table notes is new, and the schema change handling keeps "
                        + "new tables out"));

        assertThat(f.admin.patch("/v1/connections/" + id + "/schemas/crm/tables/items/columns/score",
                "{\"enabled\": true}").status()).isEqualTo(200);
        // BLOCK_ALL keeps out everything new: the new table's columns come disabled too, with the table.
        JsonNode note = f.admin.get("/v1/connections/" + id + "/schemas/crm/tables/notes/columns").data()
                .path("columns").path("note");
        assertThat(note.path("enabled").asBoolean(true)).as("notes.note captured, disabled").isFalse();
        assertThat(f.admin.patch("/v1/connections/" + id + "/schemas/crm/tables/notes", "{\"enabled\": true, "
                + "\"columns\": {\"note\": {\"enabled\": true}}}").status()).isEqualTo(200);
        syncAndWait(id);
        assertThat(rows("warehouse_k", "SELECT id || ':' || coalesce(CAST(score AS VARCHAR), '-') FROM crm.items "
                + "ORDER BY id")).containsExactly("1:-", "2:-", "3:-", "4:-", "5:-", "6:-", "7:70", "8:80", "9:90");
        assertThat(rows("warehouse_k", "SELECT note FROM crm.notes")).containsExactly("row 6");
    }
}

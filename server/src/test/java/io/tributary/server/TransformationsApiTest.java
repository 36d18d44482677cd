package io.tributary.server;

import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Role;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.TransformationStore;
import io.tributary.server.store.TransformationStore.RunStatus;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransformationsApiTest {
    private static final String SQL = "CREATE OR REPLACE TABLE daily AS\\nSELECT day, count(*) FROM events GROUP BY day;";
    private static final String EVERY_HOUR = "{\"schedule_type\": \"INTERVAL\", \"interval\": 60}";

    @TempDir
    Path dir;

    private static String body(String groupId, String name, String schedule) {
        return "{\"type\": \"SQL\", \"schedule\": " + schedule + ", \"transformation_config\": {\"group_id\": \""
                + groupId + "\", \"name\": \"" + name + "\", \"sql\": \"" + SQL + "\"}}";
    }

    private static String create(ServerFixture f, String groupId, String name) {
        Http.Answer created = f.admin.post("/v1/transformations", body(groupId, name, EVERY_HOUR));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.data().path("id").asText();
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void createListReadUpdateDelete(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = Connections.group(f, "warehouse");
            Http.Answer created = assertConforms("POST", "/v1/transformations",
                    f.admin.post("/v1/transformations", body(groupId, "daily", EVERY_HOUR)));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("message").asText()).isEqualTo("Transformation created successfully");
            JsonNode t = created.data();
            String id = t.path("id").asText();
            assertThat(id).matches("[a-z0-9]{20}");
            assertThat(t.path("type").asText()).isEqualTo("SQL");
            assertThat(t.path("status").asText()).isEqualTo("NEW");
            assertThat(t.path("paused").asBoolean()).isFalse();
            assertThat(t.path("created_by_id").asText()).isNotBlank();
            assertThat(t.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(t.has("last_started_at")).isFalse();
            assertThat(t.path("schedule").path("schedule_type").asText()).isEqualTo("INTERVAL");
            assertThat(t.path("schedule").path("interval").asInt()).isEqualTo(60);
            assertThat(instant(t.path("next_run_at"))).as("an hour after creation, before any run")
                    .isEqualTo(instant(t.path("created_at")).plus(Duration.ofHours(1)));
            JsonNode config = t.path("transformation_config");
            assertThat(config.path("group_id").asText()).isEqualTo(groupId);
            assertThat(config.path("name").asText()).isEqualTo("daily");
            assertThat(config.path("sql").asText()).isEqualTo(SQL.replace("\\n", "\n"));

            String otherGroup = Connections.group(f, "elsewhere");
            create(f, otherGroup, "daily");
            Http.Answer all = assertConforms("GET", "/v1/transformations", f.admin.get("/v1/transformations"));
            assertThat(all.data().path("items")).hasSize(2);
            String byGroup = "/v1/transformations?group_id=" + groupId;
            Http.Answer filtered = assertConforms("GET", byGroup, f.admin.get(byGroup));
            assertThat(filtered.data().path("items")).extracting(n -> n.path("id").asText()).containsExactly(id);
            assertThat(f.admin.get("/v1/transformations?type=DBT_CORE").data().path("items")).isEmpty();
            Http.Answer paged = assertConforms("GET", "/v1/transformations?limit=1", f.admin.get("/v1/transformations?limit=1"));
            assertThat(paged.data().path("next_cursor").asText()).isEqualTo("eyJza2lwIjoxfQ");

            Http.Answer details = assertConforms("GET", "/v1/transformations/" + id, f.admin.get("/v1/transformations/" + id));
            assertThat(details.data().path("transformation_config").path("name").asText()).isEqualTo("daily");

            Http.Answer updated = assertConforms("PATCH", "/v1/transformations/" + id, f.admin.patch("/v1/transformations/" + id,
                    "{\"schedule\": {\"schedule_type\": \"time_of_day\", \"time_of_day\": \"06:30\", \"days_of_week\": "
                            + "[\"MONDAY\", \"THURSDAY\"]}, \"transformation_config\": {\"name\": \"morning\"}}"));
            assertThat(updated.json().path("message").asText()).isEqualTo("Transformation updated successfully");
            JsonNode schedule = updated.data().path("schedule");
            assertThat(schedule.path("schedule_type").asText()).isEqualTo("TIME_OF_DAY");
            assertThat(schedule.has("interval")).isFalse();
            assertThat(updated.data().path("transformation_config").path("name").asText()).isEqualTo("morning");
            assertThat(updated.data().path("transformation_config").path("sql").asText()).as("kept")
                    .isEqualTo(SQL.replace("\\n", "\n"));
            var next = instant(updated.data().path("next_run_at")).atOffset(ZoneOffset.UTC);
            assertThat(next.getDayOfWeek()).isIn(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
            assertThat(next.toLocalTime().toString()).isEqualTo("06:30");
            assertThat(next.toInstant()).isBetween(Instant.now(), Instant.now().plus(Duration.ofDays(7)));

            Http.Answer paused = f.admin.patch("/v1/transformations/" + id, "{\"paused\": true}");
            assertThat(paused.data().path("paused").asBoolean()).isTrue();
            assertThat(paused.data().has("next_run_at")).as("a paused one has no next run").isFalse();

            Http.Answer deleted = assertConforms("DELETE", "/v1/transformations/" + id,
                    f.admin.delete("/v1/transformations/" + id));
            assertThat(deleted.json().path("message").asText()).isEqualTo("Transformation with id '" + id + "' has been deleted");
            for (Http.Answer gone : List.of(f.admin.get("/v1/transformations/" + id),
                    f.admin.patch("/v1/transformations/" + id, "{\"paused\": false}"),
                    f.admin.delete("/v1/transformations/" + id),
                    f.admin.post("/v1/transformations/" + id + "/run", "{}"),
                    f.admin.post("/v1/dbt/transformations/" + id + "/run", "{}"),
                    f.admin.post("/v1/transformations/" + id + "/cancel", "{}"))) {
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.code()).isEqualTo("NotFound_Transformation");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void concurrentRunRequestsMakeOnePendingRunAndOneOrchestratorTakesIt(StoreKind store) throws Exception {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, Connections.group(f, "race"), "contended");
            // Two stores on the database stand for two server nodes; only the database can keep them apart.
            TransformationStore nodeA = new TransformationStore(new Jdbc(f.server.database()));
            TransformationStore nodeB = new TransformationStore(new Jdbc(f.server.database()));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<String>> requests = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                TransformationStore node = i % 2 == 0 ? nodeA : nodeB;
                requests.add(pool.submit(() -> node.requestRun(id, false, "key").id()));
            }
            java.util.Set<String> runIds = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> r : requests) {
                runIds.add(r.get());
            }
            assertThat(runIds).as("every request joined the one pending run").hasSize(1);
            assertThat(nodeA.pendingRuns()).hasSize(1);
            String runId = runIds.iterator().next();
            List<java.util.concurrent.Future<Boolean>> claims = List.of(
                    pool.submit(() -> nodeA.started(runId, Instant.now())),
                    pool.submit(() -> nodeB.started(runId, Instant.now())));
            int taken = 0;
            for (java.util.concurrent.Future<Boolean> c : claims) {
                taken += c.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(taken).as("one node takes the run").isEqualTo(1);
            assertThat(nodeB.requestRun(id, false, "key").id()).as("a request while it runs queues the next run")
                    .isNotEqualTo(runId);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRunIsRecordedAndItsStatusCanBeWaitedFor(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            TransformationStore orchestrator = new TransformationStore(new Jdbc(f.server.database()));
            String id = create(f, Connections.group(f, "runs"), "nightly");
            String run = "/v1/transformations/" + id + "/run";

            Http.Answer started = assertConforms("POST", run, f.admin.post(run, "{\"full_refresh\": false}"));
            assertThat(started.json().path("message").asText()).isEqualTo("Transformation with id '" + id + "' has been started");
            assertThat(f.admin.get("/v1/transformations/" + id).data().path("status").asText()).isEqualTo("SCHEDULING");
            // A second request, and the legacy dbt route, join the pending run; full_refresh sticks.
            f.admin.post(run, "{\"full_refresh\": true}");
            assertThat(f.admin.post("/v1/dbt/transformations/" + id + "/run", "").status()).isEqualTo(200);
            List<TransformationStore.Run> pending = orchestrator.pendingRuns();
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).fullRefresh()).isTrue();
            assertThat(pending.get(0).transformationId()).isEqualTo(id);

            // The orchestrator's part, simulated: the client sees RUNNING, then SUCCEEDED with the end time.
            Instant start = Instant.parse("2026-01-02T03:04:05.123456Z");
            orchestrator.started(pending.get(0).id(), start);
            JsonNode running = f.admin.get("/v1/transformations/" + id).data();
            assertThat(running.path("status").asText()).isEqualTo("RUNNING");
            assertThat(running.path("last_started_at").asText()).isEqualTo("2026-01-02T03:04:05.123456Z");
            assertThat(orchestrator.pendingRuns()).isEmpty();
            orchestrator.ended(pending.get(0).id(), RunStatus.SUCCEEDED, start.plusSeconds(30), null);
            Http.Answer done = assertConforms("GET", "/v1/transformations/" + id, f.admin.get("/v1/transformations/" + id));
            assertThat(done.data().path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(done.data().path("last_ended_at").asText()).isEqualTo("2026-01-02T03:04:35.123456Z");
            assertThat(instant(done.data().path("next_run_at"))).as("an interval counts from the last start")
                    .isAfter(Instant.now());

            // Cancelling: a pending run at once; a running one is asked to stop; nothing to cancel is a conflict.
            String cancel = "/v1/transformations/" + id + "/cancel";
            f.admin.post(run, "{}");
            Http.Answer canceled = assertConforms("POST", cancel, f.admin.post(cancel, "{}"));
            assertThat(canceled.json().path("message").asText()).isEqualTo("Transformation with id '" + id + "' has been canceled");
            assertThat(f.admin.get("/v1/transformations/" + id).data().path("status").asText()).isEqualTo("CANCELED");
            assertThat(orchestrator.pendingRuns()).isEmpty();
            Http.Answer nothing = f.admin.post(cancel, "{}");
            assertThat(nothing.status()).isEqualTo(409);
            assertThat(nothing.code()).isEqualTo("Conflict");

            f.admin.post(run, "{}");
            String second = orchestrator.pendingRuns().get(0).id();
            orchestrator.started(second, Instant.now());
            assertThat(f.admin.post(cancel, "{}").status()).isEqualTo(200);
            assertThat(f.admin.get("/v1/transformations/" + id).data().path("status").asText()).isEqualTo("TERMINATING");
            assertThat(orchestrator.findRun(second).orElseThrow().cancelRequested()).isTrue();
            orchestrator.ended(second, RunStatus.CANCELED, Instant.now(), "canceled by the user");
            assertThat(f.admin.get("/v1/transformations/" + id).data().path("status").asText()).isEqualTo("CANCELED");

            // Deleting the transformation drops its runs.
            f.admin.post(run, "{}");
            f.admin.delete("/v1/transformations/" + id);
            assertThat(orchestrator.pendingRuns()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void validationNamesTheFieldAndConflictsAre409(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = Connections.groupWithDestination(f, "checks", dir);
            String otherGroup = Connections.group(f, "other");
            String foreignConnection = Connections.create(f, Connections.body(otherGroup, "foreign", ""));
            String ownConnection = Connections.create(f, groupId, "own");
            record Case(String body, String field, String mentions) {
            }
            for (Case c : List.of(
                    new Case("{\"schedule\": " + EVERY_HOUR + "}", "'transformation_config'", "required"),
                    new Case(body("", "n", EVERY_HOUR), "'transformation_config.group_id'", "required"),
                    new Case(body(groupId, " ", EVERY_HOUR), "'transformation_config.name'", "required"),
                    new Case(body(groupId, "n", EVERY_HOUR).replace(SQL, "  "), "'transformation_config.sql'", "required"),
                    new Case(body(groupId, "n", EVERY_HOUR).replace("\"SQL\"", "\"DBT_CORE\""), "'type'", "DBT_CORE"),
                    new Case(body(groupId, "n", EVERY_HOUR).replace("\"schedule\": " + EVERY_HOUR + ", ", ""), "'schedule'", ""),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"HOURLY\"}"), "'schedule.schedule_type'", "HOURLY"),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"INTERVAL\"}"), "'schedule.interval'", "required"),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"INTERVAL\", \"interval\": 0}"), "'schedule.interval'", "0"),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"INTERVAL\", \"interval\": \"often\"}"), "'interval'", ""),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"TIME_OF_DAY\", \"time_of_day\": \"14:15\"}"),
                            "'schedule.time_of_day'", "14:15"),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"TIME_OF_DAY\", \"time_of_day\": \"14:00\", "
                            + "\"days_of_week\": [\"FUNDAY\"]}"), "'schedule.days_of_week'", "FUNDAY"),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"CRON\", \"cron\": [\"61 * * * *\"]}"),
                            "'schedule.cron'", "61 * * * *"),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"CRON\", \"cron\": [\"0 * * *\"]}"),
                            "'schedule.cron'", "0 * * *"),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"INTEGRATED\"}"), "'schedule.connection_ids'", ""),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"INTEGRATED\", \"connection_ids\": [\""
                            + foreignConnection + "\"]}"), "'schedule.connection_ids'", foreignConnection),
                    new Case(body(groupId, "n", "{\"schedule_type\": \"INTERVAL\", \"interval\": 5, "
                            + "\"transformation_ids\": [\"nope\"]}"), "'schedule.transformation_ids'", "nope"))) {
                Http.Answer answer = f.admin.post("/v1/transformations", c.body());
                assertThat(answer.status()).as(c.body()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("InvalidInput");
                assertThat(answer.json().path("message").asText()).as(c.body()).contains(c.field()).contains(c.mentions());
            }
            Http.Answer noGroup = f.admin.post("/v1/transformations", body("nope", "n", EVERY_HOUR));
            assertThat(noGroup.status()).isEqualTo(404);
            assertThat(noGroup.code()).isEqualTo("NotFound_Group");
            assertThat(f.admin.get("/v1/transformations").data().path("items")).as("nothing was created").isEmpty();

            Http.Answer integrated = f.admin.post("/v1/transformations", body(groupId, "after-sync",
                    "{\"schedule_type\": \"INTEGRATED\", \"connection_ids\": [\"" + ownConnection + "\"]}"));
            assertThat(integrated.status()).isEqualTo(201);
            assertThat(integrated.data().has("next_run_at")).as("runs after syncs, not by the clock").isFalse();
            Http.Answer cron = f.admin.post("/v1/transformations", body(groupId, "cron",
                    "{\"schedule_type\": \"CRON\", \"cron\": [\"0 */6 * * *\"]}"));
            assertThat(cron.status()).isEqualTo(201);
            var nextCron = instant(cron.data().path("next_run_at")).atOffset(ZoneOffset.UTC);
            assertThat(nextCron.getHour() % 6).isZero();
            assertThat(nextCron.getMinute()).isZero();

            Http.Answer twice = f.admin.post("/v1/transformations", body(groupId, "cron", EVERY_HOUR));
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("Conflict");
            String id = integrated.data().path("id").asText();
            Http.Answer renamed = f.admin.patch("/v1/transformations/" + id, "{\"transformation_config\": {\"name\": \"cron\"}}");
            assertThat(renamed.status()).isEqualTo(409);
            Http.Answer moved = f.admin.patch("/v1/transformations/" + id, "{\"transformation_config\": {\"group_id\": \""
                    + otherGroup + "\"}}");
            assertThat(moved.status()).isEqualTo(400);
            assertThat(moved.json().path("message").asText()).contains("'transformation_config.group_id'");
            Http.Answer self = f.admin.patch("/v1/transformations/" + id, "{\"schedule\": {\"schedule_type\": \"INTERVAL\", "
                    + "\"interval\": 30, \"transformation_ids\": [\"" + id + "\"]}}");
            assertThat(self.status()).isEqualTo(400);
            assertThat(self.json().path("message").asText()).contains("'schedule.transformation_ids'");
        }
    }

    @Test
    void writesNeedTheDestinationPermission() {
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir)) {
            String groupId = Connections.group(f, "perm");
            String id = create(f, groupId, "t");
            ApiKeys.Credentials key = new ApiKeys(new Jdbc(f.server.database())).create(Role.MANAGE_CONNECTION, "t");
            Http connectionManager = new Http(f.server.port()).as(key.key(), key.secret());
            assertThat(connectionManager.get("/v1/transformations/" + id).status()).isEqualTo(200);
            assertThat(connectionManager.post("/v1/transformations", body(groupId, "u", EVERY_HOUR)).status()).isEqualTo(403);
            assertThat(connectionManager.post("/v1/transformations/" + id + "/run", "{}").status()).isEqualTo(403);
            assertThat(f.reviewer.delete("/v1/transformations/" + id).status()).isEqualTo(403);
            assertThat(f.admin.get("/v1/transformations/" + id).data().path("status").asText()).isEqualTo("NEW");
        }
    }
}

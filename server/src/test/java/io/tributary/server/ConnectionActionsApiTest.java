package io.tributary.server;

import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static io.tributary.server.Connections.groupWithDestination;
import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.SyncRequestStore;
import io.tributary.server.store.SyncRequestStore.Kind;
import io.tributary.server.store.SyncRequestStore.Request;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionActionsApiTest {
    @TempDir
    Path dir;

    private static List<Request> requests(ServerFixture f, String id) {
        return new SyncRequestStore(new Jdbc(f.server.database())).pending(id);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void setupTestsNeedTheDestinationAndTheConnectorCode(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = group(f, "NoDestinationYet");
            Http.Answer created = assertConforms("POST", "/v1/connections", f.admin.post("/v1/connections",
                    "{\"group_id\": \"" + groupId + "\", \"service\": \"connector_sdk\", \"config\": {\"schema\": \"s\"}}"));
            JsonNode tests = created.data().path("setup_tests");
            assertThat(tests).extracting(t -> t.path("title").asText()).containsExactly("Destination", "Connector code");
            assertThat(tests).extracting(t -> t.path("status").asText()).containsOnly("FAILED");
            assertThat(tests.get(0).path("message").asText()).contains("POST /v1/destinations");
            assertThat(tests.get(1).path("message").asText()).contains("config.connector_class");
            assertThat(created.data().path("status").path("setup_state").asText()).isEqualTo("incomplete");
            String path = "/v1/connections/" + created.data().path("id").asText();

            f.admin.post("/v1/destinations", "{\"group_id\": \"" + groupId + "\", \"service\": \"duckdb\", "
                    + "\"time_zone_offset\": \"0\", \"config\": {\"path\": \"" + dir.resolve("w.db") + "\"}}");
            Http.Answer stillIncomplete = assertConforms("POST", path + "/test", f.admin.post(path + "/test", ""));
            assertThat(stillIncomplete.json().path("message").asText()).isEqualTo("Setup tests have been completed");
            assertThat(stillIncomplete.data().path("setup_tests").get(0).path("status").asText()).isEqualTo("PASSED");
            assertThat(stillIncomplete.data().path("status").path("setup_state").asText()).isEqualTo("incomplete");

            String packageId = TestPackages.uploaded(f, TestPackages.placeholder());
            Http.Answer fixed = assertConforms("PATCH", path, f.admin.patch(path,
                    "{\"config\": {\"package_id\": \"" + packageId + "\"}, \"trust_certificates\": \"true\"}"));
            assertThat(fixed.data().path("status").path("setup_state").asText()).as("a config change re-tests")
                    .isEqualTo("connected");

            f.admin.delete("/v1/destinations/" + groupId);
            Http.Answer broken = assertConforms("POST", path + "/test", f.admin.post(path + "/test",
                    "{\"trust_certificates\": true, \"trust_fingerprints\": true}"));
            assertThat(broken.data().path("status").path("setup_state").asText()).isEqualTo("broken");
            assertThat(f.admin.get(path).data().path("status").path("setup_state").asText()).as("stored").isEqualTo("broken");

            Http.Answer untested = f.admin.post("/v1/connections", "{\"group_id\": \"" + groupId + "\", \"service\": "
                    + "\"connector_sdk\", \"run_setup_tests\": \"false\", \"config\": {\"schema\": \"t\"}}");
            assertThat(untested.data().path("setup_tests")).isEmpty();
            assertThat(untested.data().path("status").path("setup_state").asText()).isEqualTo("incomplete");

            Http.Answer legacy = f.admin.post(path.replace("connections", "connectors") + "/test", "{}");
            assertConforms("POST", path + "/test", legacy);
            Http.Answer missing = f.admin.post("/v1/connections/nope/test", "{}");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.code()).isEqualTo("NotFound_Connection");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void syncAndForceRecordTheRequest(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, groupWithDestination(f, "sync", dir), "orders");
            String path = "/v1/connections/" + id;
            Http.Answer sync = assertConforms("POST", path + "/sync", f.admin.post(path + "/sync", "{\"force\": true}"));
            assertThat(sync.json().path("message").asText())
                    .isEqualTo("Sync has been successfully triggered for connection with id '" + id + "'");
            assertConforms("POST", path + "/sync", f.admin.post(path + "/sync", ""));
            assertConforms("POST", path + "/sync", f.admin.post("/v1/connectors/" + id + "/force", null));
            assertConforms("POST", path + "/sync", f.admin.post(path + "/force", "{\"force\": \"true\"}"));
            assertConforms("POST", path + "/sync", f.admin.post("/v1/connectors/" + id + "/sync", "{\"force\": false}"));

            List<Request> recorded = requests(f, id);
            assertThat(recorded).extracting(Request::kind).containsOnly(Kind.SYNC);
            assertThat(recorded).extracting(Request::force).containsExactly(true, false, false, true, false);
            assertThat(recorded).allSatisfy(r -> {
                assertThat(r.requestedAt()).isNotNull();
                assertThat(r.requestedBy()).isNotBlank();
                assertThat(r.scope()).isNull();
            });
            Http.Answer badForce = f.admin.post(path + "/sync", "{\"force\": \"sometimes\"}");
            assertThat(badForce.status()).isEqualTo(400);
            assertThat(badForce.json().path("message").asText()).contains("'force'");
            for (String action : List.of("/sync", "/force")) {
                Http.Answer missing = f.admin.post("/v1/connections/nope" + action, "{}");
                assertThat(missing.status()).isEqualTo(404);
                assertThat(missing.code()).isEqualTo("NotFound_Connection");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void resyncRecordsItsScopeAndRefusesEmptyOnes(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, groupWithDestination(f, "resync", dir), "shop");
            String path = "/v1/connections/" + id;
            f.admin.patch(path, "{\"paused\": true}");
            Http.Answer scoped = assertConforms("POST", path + "/resync", f.admin.post(path + "/resync",
                    "{\"scope\": {\"shop\": [\"orders\", \"customers\"]}}"));
            assertThat(scoped.json().path("message").asText())
                    .isEqualTo("Sync has been successfully triggered for connection with id '" + id + "'");
            Http.Answer whole = assertConforms("POST", path + "/resync", f.admin.post(path + "/resync", "{\"scope\": null}"));
            assertThat(whole.status()).isEqualTo(200);
            Http.Answer tables = assertConforms("POST", path + "/schemas/tables/resync",
                    f.admin.post(path + "/schemas/tables/resync", "{\"shop\": [\"orders\"]}"));
            assertThat(tables.json().path("message").asText()).isEqualTo("Re-sync has been triggered successfully");
            assertConforms("POST", path + "/resync", f.admin.post("/v1/connectors/" + id + "/resync", ""));
            assertConforms("POST", path + "/schemas/tables/resync",
                    f.admin.post("/v1/connectors/" + id + "/schemas/tables/resync", "{\"salesforce\": [\"Opportunity\"]}"));

            List<Request> recorded = requests(f, id);
            assertThat(recorded).extracting(Request::kind).containsOnly(Kind.RESYNC);
            assertThat(recorded).extracting(Request::scope).containsExactly(
                    Map.of("shop", List.of("orders", "customers")), null, Map.of("shop", List.of("orders")), null,
                    Map.of("salesforce", List.of("Opportunity")));
            assertThat(f.admin.get(path).data().path("status").path("is_historical_sync").asBoolean()).isTrue();

            for (String bad : List.of("{\"scope\": {}}", "{\"scope\": {\"shop\": []}}", "{\"scope\": {\"shop\": [\"\"]}}",
                    "{\"scope\": {\"shop\": null}}", "{\"scope\": [\"shop\"]}")) {
                Http.Answer refused = f.admin.post(path + "/resync", bad);
                assertThat(refused.status()).as(bad).isEqualTo(400);
                assertThat(refused.json().path("message").asText()).as(bad).contains("'scope");
            }
            for (String bad : List.of("{}", "", "{\"shop\": []}", "{\"shop\": \"orders\"}", "{\"shop\": [1]}")) {
                Http.Answer refused = f.admin.post(path + "/schemas/tables/resync", bad);
                assertThat(refused.status()).as(bad).isEqualTo(400);
                assertThat(refused.code()).isEqualTo("InvalidInput");
            }
            assertThat(requests(f, id)).as("nothing recorded for refused requests").hasSize(5);
            for (String action : List.of("/resync", "/schemas/tables/resync")) {
                assertThat(f.admin.post("/v1/connections/nope" + action, "{\"s\": [\"t\"]}").code()).isEqualTo("NotFound_Connection");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aHistoricalSyncCanBeAskedForByPatch(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "History"), "events");
            Http.Answer patched = assertConforms("PATCH", "/v1/connections/" + id,
                    f.admin.patch("/v1/connections/" + id, "{\"is_historical_sync\": true}"));
            assertThat(patched.data().path("status").path("is_historical_sync").asBoolean()).isTrue();
            assertThat(requests(f, id)).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(Kind.RESYNC);
                assertThat(r.scope()).isNull();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theConnectCardIsNotSupported(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "Card"), "card");
            for (String path : List.of("/v1/connections/" + id, "/v1/connectors/" + id)) {
                Http.Answer card = f.admin.post(path + "/connect-card",
                        "{\"connect_card_config\": {\"redirect_uri\": \"https://example.com\", \"hide_setup_guide\": true}}");
                assertThat(card.status()).isEqualTo(400);
                assertThat(card.json().path("message").asText()).contains("not supported").contains("PATCH");
            }
            Http.Answer missing = f.admin.post("/v1/connections/nope/connect-card", "{}");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.code()).isEqualTo("NotFound_Connection");
        }
    }
}

package io.tributary.server;

import static io.tributary.server.Connections.assertListConforms;
import static io.tributary.server.Connections.body;
import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static io.tributary.server.Connections.groupWithDestination;
import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionsApiTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void createReadUpdateDeleteWithFivetransDefaults(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = groupWithDestination(f, "warehouse", dir);
            Http.Answer created = assertConforms("POST", "/v1/connections",
                    f.admin.post("/v1/connections/", body(groupId, "hello", "")));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("message").asText()).isEqualTo("Connection has been created");
            JsonNode c = created.data();
            String id = c.path("id").asText();
            assertThat(id).matches("[a-z0-9]{20}");
            assertThat(c.path("group_id").asText()).isEqualTo(groupId);
            assertThat(c.path("service").asText()).isEqualTo("connector_sdk");
            assertThat(c.path("service_version").asInt(-1)).isZero();
            assertThat(c.path("schema").asText()).isEqualTo("hello");
            assertThat(c.path("connected_by").asText()).as("the key that created it").isNotBlank();
            assertThat(c.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(c.has("succeeded_at")).as("omitted while null").isFalse();
            assertThat(c.has("failed_at")).isFalse();
            assertThat(c.path("paused").asBoolean(true)).as("Fivetran's default").isFalse();
            assertThat(c.path("pause_after_trial").asBoolean(true)).isFalse();
            assertThat(c.path("sync_frequency").asInt()).isEqualTo(360);
            assertThat(c.path("schedule_type").asText()).isEqualTo("auto");
            assertThat(c.path("data_delay_sensitivity").asText()).isEqualTo("NORMAL");
            assertThat(c.path("networking_method").asText()).isEqualTo("Directly");
            assertThat(c.has("daily_sync_time")).isFalse();
            JsonNode status = c.path("status");
            assertThat(status.path("setup_state").asText()).isEqualTo("connected");
            assertThat(status.path("sync_state").asText()).isEqualTo("scheduled");
            assertThat(status.path("update_state").asText()).isEqualTo("on_schedule");
            assertThat(status.path("is_historical_sync").asBoolean()).as("the first sync is historical").isTrue();
            assertThat(status.path("tasks").isArray()).isTrue();
            assertThat(status.path("warnings").isArray()).isTrue();
            assertThat(status.has("rescheduled_for")).isFalse();
            assertThat(c.path("setup_tests")).extracting(t -> t.path("status").asText()).containsOnly("PASSED");

            String path = "/v1/connections/" + id;
            Http.Answer details = assertConforms("GET", path, f.admin.get(path));
            assertThat(details.data().path("config").path("schema").asText()).isEqualTo("hello");
            assertThat(details.data().path("config").path("connector_class").asText()).isEqualTo("com.example.Hello");

            Http.Answer paused = assertConforms("PATCH", path, f.admin.patch(path,
                    "{\"paused\": true, \"sync_frequency\": 1440, \"daily_sync_time\": \"14:00\", "
                            + "\"schedule_type\": \"manual\", \"data_delay_sensitivity\": \"CUSTOM\", "
                            + "\"data_delay_threshold\": 90, \"pause_after_trial\": true, \"schema_status\": \"ready\"}"));
            assertThat(paused.json().path("message").asText()).isEqualTo("Connection has been updated");
            JsonNode u = paused.data();
            assertThat(u.path("paused").asBoolean()).isTrue();
            assertThat(u.path("status").path("sync_state").asText()).isEqualTo("paused");
            assertThat(u.path("sync_frequency").asInt()).isEqualTo(1440);
            assertThat(u.path("daily_sync_time").asText()).isEqualTo("14:00");
            assertThat(u.path("schedule_type").asText()).isEqualTo("manual");
            assertThat(u.path("data_delay_sensitivity").asText()).isEqualTo("CUSTOM");
            assertThat(u.path("data_delay_threshold").asInt()).isEqualTo(90);
            assertThat(u.path("pause_after_trial").asBoolean()).isTrue();
            assertThat(u.path("status").path("schema_status").asText()).isEqualTo("ready");
            assertThat(u.path("config").path("schema").asText()).as("untouched").isEqualTo("hello");
            assertThat(f.admin.get(path).data().path("paused").asBoolean()).as("stored").isTrue();

            Http.Answer hourly = assertConforms("PATCH", path, f.admin.patch(path, "{\"sync_frequency\": 60}"));
            assertThat(hourly.data().has("daily_sync_time")).as("only shown at 1440 minutes").isFalse();
            assertThat(hourly.data().path("paused").asBoolean()).as("other fields kept").isTrue();

            Http.Answer deleted = assertConforms("DELETE", path, f.admin.delete(path));
            assertThat(deleted.json().path("message").asText()).isEqualTo("Connection with id '" + id + "' has been deleted");
            for (Http.Answer gone : List.of(f.admin.get(path), f.admin.patch(path, "{\"paused\": false}"), f.admin.delete(path))) {
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.code()).isEqualTo("NotFound_Connection");
                assertThat(gone.json().path("message").asText()).contains(id);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theLegacyConnectorsPathsServeTheSameResource(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = groupWithDestination(f, "legacy", dir);
            String packageId = TestPackages.uploaded(f, TestPackages.placeholder());
            // The SDK's deploy body, as it sends it: strings for the boolean and the frequency.
            Http.Answer created = f.admin.accept("*/*").post("/v1/connectors/", "{\"group_id\": \"" + groupId + "\", "
                    + "\"service\": \"connector_sdk\", \"config\": {\"schema\": \"deployed\", \"secrets_list\": "
                    + "[{\"key\": \"api_key\", \"value\": \"abc123\"}], \"python_version\": \"3.12\", \"package_id\": "
                    + "\"" + packageId + "\"}, \"paused\": \"true\", \"run_setup_tests\": \"true\", \"sync_frequency\": \"360\", "
                    + "\"destination_schema_names\": \"FIVETRAN_NAMING\"}");
            assertConforms("POST", "/v1/connections", created);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.data().path("paused").asBoolean()).isTrue();
            String id = created.data().path("id").asText();

            Http.Answer found = f.admin.get("/v1/groups/" + groupId + "/connectors?schema=deployed");
            assertListConforms("/v1/groups/" + groupId + "/connections", found);
            assertThat(found.data().path("items").get(0).path("id").asText()).isEqualTo(id);
            assertThat(found.data().path("items").get(0).path("service").asText()).isEqualTo("connector_sdk");
            assertListConforms("/v1/connections", f.admin.get("/v1/connectors"));

            String legacy = "/v1/connectors/" + id;
            assertConforms("GET", "/v1/connections/" + id, f.admin.get(legacy));
            Http.Answer resumed = assertConforms("PATCH", "/v1/connections/" + id, f.admin.patch(legacy, "{\"paused\": \"false\"}"));
            assertThat(resumed.data().path("paused").asBoolean(true)).as("\"false\" as a string counts").isFalse();
            assertThat(f.admin.get("/v1/connections/" + id).data().path("paused").asBoolean(true)).isFalse();
            assertConforms("DELETE", "/v1/connections/" + id, f.admin.delete(legacy + "/"));
            Http.Answer gone = f.admin.get(legacy);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.code()).isEqualTo("NotFound_Connection");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void listsFilterByGroupAndSchemaAndPageByCursor(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String a = group(f, "A");
            String b = group(f, "B");
            for (int i = 0; i < 7; i++) {
                create(f, a, "s" + i);
            }
            create(f, b, "s0");
            create(f, b, "other");

            List<String> schemas = new ArrayList<>();
            String cursor = "";
            int pages = 0;
            while (cursor != null) {
                String path = "/v1/groups/" + a + "/connections?limit=3&cursor=" + cursor;
                Http.Answer page = assertListConforms(path, f.admin.get(path));
                page.data().path("items").forEach(c -> schemas.add(c.path("schema").asText()));
                cursor = page.data().has("next_cursor") ? page.data().path("next_cursor").asText() : null;
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(schemas).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6");

            List<String> all = new ArrayList<>();
            cursor = "";
            pages = 0;
            while (cursor != null) {
                String path = "/v1/connections?limit=4&cursor=" + cursor;
                Http.Answer page = assertListConforms(path, f.admin.get(path));
                page.data().path("items").forEach(c -> all.add(c.path("id").asText()));
                cursor = page.data().has("next_cursor") ? page.data().path("next_cursor").asText() : null;
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(all).hasSize(9).doesNotHaveDuplicates();

            Http.Answer inB = assertListConforms("/v1/connections", f.admin.get("/v1/connections?group_id=" + b));
            assertThat(inB.data().path("items")).extracting(c -> c.path("schema").asText()).containsExactly("s0", "other");
            Http.Answer s0 = assertListConforms("/v1/connections", f.admin.get("/v1/connections?schema=s0"));
            assertThat(s0.data().path("items")).extracting(c -> c.path("group_id").asText()).containsExactlyInAnyOrder(a, b);
            Http.Answer both = f.admin.get("/v1/connections?group_id=" + b + "&schema=s0");
            assertThat(both.data().path("items")).hasSize(1);
            assertThat(f.admin.get("/v1/connections?schema=s").data().path("items")).as("no partial matches").isEmpty();
            assertThat(f.admin.get("/v1/groups/" + a + "/connections?schema=s6").data().path("items")).hasSize(1);
            assertThat(f.admin.get("/v1/connections?group_id=nope").data().path("items")).isEmpty();

            Http.Answer noGroup = f.admin.get("/v1/groups/nope/connections");
            assertThat(noGroup.status()).isEqualTo(404);
            assertThat(noGroup.code()).isEqualTo("NotFound_Group");
            assertThat(f.admin.get("/v1/connections?limit=0").status()).isEqualTo(400);
            assertThat(f.admin.get("/v1/groups/" + a + "/connectors?limit=2").data().path("next_cursor").asText())
                    .isEqualTo("eyJza2lwIjoyfQ");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void deletingTheGroupDeletesItsConnections(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String g = group(f, "Temp");
            String id = create(f, g, "doomed");
            assertThat(f.admin.delete("/v1/groups/" + g).status()).isEqualTo(200);
            assertThat(f.admin.get("/v1/connections/" + id).code()).isEqualTo("NotFound_Connection");
            assertThat(f.admin.get("/v1/connections").data().path("items")).isEmpty();
        }
    }
}

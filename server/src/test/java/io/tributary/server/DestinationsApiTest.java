package io.tributary.server;

import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DestinationsApiTest {
    @TempDir
    Path dir;

    private static String group(ServerFixture f, String name) {
        return f.admin.post("/v1/groups", "{\"name\": \"" + name + "\"}").data().path("id").asText();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDuckDbDestinationSharesItsGroupsIdAndPassesItsSetupTest(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = group(f, "Local");
            String body = "{\"group_id\": \"" + groupId + "\", \"service\": \"duckdb\", \"time_zone_offset\": \"+1\", "
                    + "\"config\": {\"path\": \"" + dir.resolve("warehouse.db") + "\"}}";
            Http.Answer created = assertConforms("POST", "/v1/destinations", f.admin.post("/v1/destinations", body));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.data().path("id").asText()).isEqualTo(groupId);
            assertThat(created.data().path("setup_status").asText()).isEqualTo("CONNECTED");
            assertThat(created.data().path("setup_tests").get(0).path("status").asText()).isEqualTo("PASSED");

            String path = "/v1/destinations/" + groupId;
            assertThat(assertConforms("GET", path, f.admin.get(path)).data().path("config").path("path").asText())
                    .endsWith("warehouse.db");
            assertConforms("GET", "/v1/destinations", f.admin.get("/v1/destinations"));

            Http.Answer moved = assertConforms("PATCH", path, f.admin.patch(path,
                    "{\"config\": {\"path\": \"" + dir.resolve("missing/dir/w.db") + "\"}}"));
            assertThat(moved.data().path("setup_status").asText()).isEqualTo("BROKEN");
            assertThat(moved.data().path("setup_tests").get(0).path("message").asText()).contains("does not exist");

            Http.Answer tested = assertConforms("POST", path + "/test", f.admin.post(path + "/test", ""));
            assertThat(tested.data().path("setup_status").asText()).isEqualTo("BROKEN");

            Http.Answer again = f.admin.post("/v1/destinations", body);
            assertThat(again.status()).isEqualTo(409);

            assertConforms("DELETE", path, f.admin.delete(path));
            assertThat(f.admin.get(path).code()).isEqualTo("NotFound_Destination");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPostgresDestinationIsReallyConnectedToAndItsPasswordNeverReturned(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = group(f, "Warehouse");
            String config = "{\"host\": \"127.0.0.1\", \"port\": " + StoreKind.postgresPort() + ", \"database\": "
                    + "\"postgres\", \"user\": \"postgres\", \"password\": \"postgres\"}";
            Http.Answer created = f.admin.accept("application/json;version=2").post("/v1/destinations",
                    "{\"group_id\": \"" + groupId + "\", \"service\": \"postgres\", \"time_zone_offset\": \"0\", \"config\": "
                            + config + "}");
            assertConforms("POST", "/v1/destinations", created);
            assertThat(created.data().path("setup_status").asText()).isEqualTo("CONNECTED");
            assertThat(created.data().path("config").path("password").asText()).isEqualTo("******");
            assertThat(created.data().path("config").path("port").isInt()).as("version 2 has typed values").isTrue();
            String path = "/v1/destinations/" + groupId;
            assertThat(f.admin.accept("*/*").get(path).data().path("config").path("port").isTextual())
                    .as("version 1 has text values").isTrue();
            Http.Answer list = f.admin.get("/v1/destinations");
            assertThat(list.data().path("items").get(0).path("config").path("password").asText()).isEqualTo("******");
            assertThat(list.text()).doesNotContain("\"password\":\"postgres\"");

            // The embedded PostgreSQL trusts local connections, so a missing database shows a real failure.
            Http.Answer wrong = f.admin.patch(path, "{\"config\": {\"database\": \"no_such_db\", \"password\": \"s3cr3t\"}}");
            assertThat(wrong.data().path("setup_status").asText()).isEqualTo("BROKEN");
            assertThat(wrong.data().path("setup_tests").get(0).path("message").asText()).contains("no_such_db");
            assertThat(wrong.text()).doesNotContain("s3cr3t");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void invalidRequestsNameTheField(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = group(f, "G");
            assertThat(f.admin.post("/v1/destinations", "{\"service\": \"duckdb\"}").json().path("message").asText())
                    .isEqualTo("Field 'group_id' is required");
            Http.Answer noGroup = f.admin.post("/v1/destinations", "{\"group_id\": \"nope\", \"service\": \"duckdb\", "
                    + "\"time_zone_offset\": \"0\", \"config\": {\"path\": \"/tmp/x.db\"}}");
            assertThat(noGroup.status()).isEqualTo(404);
            assertThat(noGroup.code()).isEqualTo("NotFound_Group");
            assertThat(f.admin.post("/v1/destinations", "{\"group_id\": \"" + groupId + "\", \"service\": \"snowflake\"}")
                    .json().path("message").asText()).startsWith("Unsupported service 'snowflake'");
            assertThat(f.admin.post("/v1/destinations", "{\"group_id\": \"" + groupId + "\", \"service\": \"duckdb\", "
                    + "\"time_zone_offset\": \"0\"}").json().path("message").asText()).isEqualTo("Field 'config.path' is required");
            assertThat(f.admin.post("/v1/destinations", "{\"group_id\": \"" + groupId + "\", \"service\": \"duckdb\", "
                    + "\"config\": {\"path\": \"/tmp/x.db\"}}").json().path("message").asText())
                    .isEqualTo("Field 'time_zone_offset' is required");
            assertThat(f.admin.post("/v1/destinations", "{\"group_id\": \"" + groupId + "\", \"service\": \"postgres\", "
                    + "\"time_zone_offset\": \"0\", \"config\": {\"host\": \"h\", \"port\": \"http\", \"database\": \"d\", "
                    + "\"user\": \"u\", \"password\": \"p\"}}").json().path("message").asText()).contains("'config.port'");
            assertThat(f.admin.post("/v1/destinations", "{\"group_id\": \"" + groupId + "\", \"service\": \"duckdb\", "
                    + "\"time_zone_offset\": \"+13\", \"config\": {\"path\": \"/tmp/x.db\"}}").status()).isEqualTo(400);
            assertThat(f.admin.get("/v1/destinations/nope").code()).isEqualTo("NotFound_Destination");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void deletingTheGroupDeletesItsDestination(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = group(f, "Temp");
            f.admin.post("/v1/destinations", "{\"group_id\": \"" + groupId + "\", \"service\": \"duckdb\", "
                    + "\"time_zone_offset\": \"0\", \"run_setup_tests\": \"false\", \"config\": {\"path\": \"/tmp/t.db\"}}");
            assertThat(f.admin.get("/v1/destinations/" + groupId).data().path("setup_status").asText())
                    .as("\"false\" as a string counts").isEqualTo("INCOMPLETE");
            f.admin.delete("/v1/groups/" + groupId);
            assertThat(f.admin.get("/v1/destinations/" + groupId).status()).isEqualTo(404);
        }
    }
}

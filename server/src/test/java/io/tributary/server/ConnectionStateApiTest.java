package io.tributary.server;

import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static io.tributary.server.Connections.parse;
import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.store.Jdbc;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionStateApiTest {
    private static final String STATE = "{\"cursor\": \"2024-01-01T00:00:00Z\", \"offset\": 12345678901234567890, "
            + "\"ratio\": 0.10000000000000000001, \"pages\": [1, 2, {\"deep\": null}]}";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void stateIsWrittenOnlyWhilePausedAndReadBackExactly(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "State"), "stateful");
            String path = "/v1/connections/" + id + "/state";
            Http.Answer none = f.admin.get(path);
            assertThat(none.status()).as("no state written yet").isEqualTo(400);
            assertThat(none.json().path("message").asText()).contains("no state yet");

            Http.Answer running = f.admin.patch(path, "{\"state\": " + STATE + "}");
            assertThat(running.status()).isEqualTo(409);
            assertThat(running.code()).isEqualTo("Conflict");
            assertThat(running.json().path("message").asText()).contains("must be paused").contains("\"paused\": true");
            assertThat(f.admin.get(path).status()).as("nothing written").isEqualTo(400);

            f.admin.patch("/v1/connections/" + id, "{\"paused\": true}");
            Http.Answer written = assertConforms("PATCH", "/v1/connections/" + id + "/state",
                    f.admin.patch(path, "{\"state\": " + STATE + "}"));
            assertThat(written.json().path("message").asText()).isEqualTo("Connection state has been updated");
            assertThat(written.data().path("state")).isEqualTo(parse(STATE));
            Http.Answer read = assertConforms("GET", "/v1/connections/" + id + "/state", f.admin.get(path));
            assertThat(read.data().path("state")).as("numbers keep every digit").isEqualTo(parse(STATE));
            assertThat(f.reviewer.get("/v1/connectors/" + id + "/state").data().path("state")).isEqualTo(parse(STATE));

            for (String keep : List.of("{}", "{\"state\": null}", "")) {
                Http.Answer kept = assertConforms("PATCH", "/v1/connections/" + id + "/state", f.admin.patch(path, keep));
                assertThat(kept.data().path("state")).as("'%s' keeps the state", keep).isEqualTo(parse(STATE));
            }
            Http.Answer legacy = f.admin.patch("/v1/connectors/" + id + "/state", "{\"state\": {\"cursor\": 2}}");
            assertConforms("PATCH", "/v1/connections/" + id + "/state", legacy);
            assertThat(f.admin.get(path).data().path("state")).isEqualTo(parse("{\"cursor\": 2}"));

            for (String bad : List.of("{\"state\": 5}", "{\"state\": \"x\"}", "{\"state\": [1]}")) {
                Http.Answer refused = f.admin.patch(path, bad);
                assertThat(refused.status()).as(bad).isEqualTo(400);
                assertThat(refused.json().path("message").asText()).contains("'state'");
            }
            f.admin.patch("/v1/connections/" + id, "{\"paused\": false}");
            assertThat(f.admin.patch(path, "{\"state\": {}}").status()).isEqualTo(409);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void deletingTheConnectionDeletesItsStateAndRequests(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = group(f, "Gone");
            String id = create(f, groupId, "gone");
            f.admin.patch("/v1/connections/" + id, "{\"paused\": true}");
            f.admin.patch("/v1/connections/" + id + "/state", "{\"state\": {\"cursor\": 1}}");
            f.admin.post("/v1/connections/" + id + "/sync", "{}");
            Jdbc jdbc = new Jdbc(f.server.database());
            assertThat(jdbc.count("SELECT count(*) FROM connection_states WHERE connection_id = ?", id)).isEqualTo(1);
            assertThat(jdbc.count("SELECT count(*) FROM sync_requests WHERE connection_id = ?", id)).isEqualTo(1);
            f.admin.delete("/v1/connections/" + id);
            assertThat(jdbc.count("SELECT count(*) FROM connection_states WHERE connection_id = ?", id)).isZero();
            assertThat(jdbc.count("SELECT count(*) FROM sync_requests WHERE connection_id = ?", id)).isZero();

            String again = create(f, groupId, "gone");
            assertThat(f.admin.get("/v1/connections/" + again + "/state").status()).as("a new connection starts empty")
                    .isEqualTo(400);
            for (String method : List.of("GET", "PATCH")) {
                Http.Answer missing = f.admin.send(method, "/v1/connections/nope/state", "{}", "application/json");
                assertThat(missing.status()).isEqualTo(404);
                assertThat(missing.code()).isEqualTo("NotFound_Connection");
            }
        }
    }
}

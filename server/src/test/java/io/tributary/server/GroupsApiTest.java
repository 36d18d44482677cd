package io.tributary.server;

import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GroupsApiTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void createReadRenameDelete(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            Http.Answer created = assertConforms("POST", "/v1/groups", f.admin.post("/v1/groups", "{\"name\": \"Staging\"}"));
            assertThat(created.status()).isEqualTo(201);
            String id = created.data().path("id").asText();
            assertThat(id).matches("[a-z0-9]{20}");
            assertThat(created.data().path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

            Http.Answer details = assertConforms("GET", "/v1/groups/" + id, f.admin.get("/v1/groups/" + id));
            assertThat(details.data().path("name").asText()).isEqualTo("Staging");

            Http.Answer renamed = assertConforms("PATCH", "/v1/groups/" + id,
                    f.admin.patch("/v1/groups/" + id + "/", "{\"name\": \"Production\"}"));
            assertThat(renamed.data().path("name").asText()).isEqualTo("Production");

            Http.Answer deleted = assertConforms("DELETE", "/v1/groups/" + id, f.admin.delete("/v1/groups/" + id));
            assertThat(deleted.json().path("message").asText()).isEqualTo("Group with id '" + id + "' has been deleted");
            Http.Answer gone = f.admin.get("/v1/groups/" + id);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.code()).isEqualTo("NotFound_Group");
            assertThat(f.admin.delete("/v1/groups/" + id).code()).isEqualTo("NotFound_Group");
            assertThat(f.admin.patch("/v1/groups/" + id, "{\"name\": \"x\"}").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void validationErrorsNameTheField(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            for (String body : List.of("", "{}", "{\"name\": \"  \"}")) {
                Http.Answer missing = f.admin.post("/v1/groups", body);
                assertThat(missing.status()).as(body).isEqualTo(400);
                assertThat(missing.code()).isEqualTo("InvalidInput");
                assertThat(missing.json().path("message").asText()).isEqualTo("Field 'name' is required");
            }
            assertThat(f.admin.post("/v1/groups", "{\"name\": [1]}").json().path("message").asText())
                    .startsWith("Field 'name' has an invalid value");
            assertThat(f.admin.post("/v1/groups", "{not json").json().path("message").asText()).startsWith("Malformed JSON");
            f.admin.post("/v1/groups", "{\"name\": \"Twice\"}");
            Http.Answer twice = f.admin.post("/v1/groups", "{\"name\": \"Twice\"}");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("Conflict");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void listsPageByCursorAndOmitNextCursorOnTheLastPage(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            for (int i = 0; i < 7; i++) {
                f.admin.post("/v1/groups", "{\"name\": \"g" + i + "\"}");
            }
            List<String> names = new ArrayList<>();
            String cursor = "";
            int pages = 0;
            while (cursor != null) {
                String path = "/v1/groups?limit=3&cursor=" + cursor;
                Http.Answer page = assertConforms("GET", path, f.admin.get(path));
                page.data().path("items").forEach(g -> names.add(g.path("name").asText()));
                cursor = page.data().has("next_cursor") ? page.data().path("next_cursor").asText() : null;
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(names).containsExactly("g0", "g1", "g2", "g3", "g4", "g5", "g6");
            assertThat(f.admin.get("/v1/groups?limit=7").data().has("next_cursor")).isFalse();
            assertThat(f.admin.get("/v1/groups?limit=3").data().path("next_cursor").asText()).isEqualTo("eyJza2lwIjozfQ");
            for (String bad : List.of("0", "1001", "abc")) {
                Http.Answer answer = f.admin.get("/v1/groups?limit=" + bad);
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.json().path("message").asText()).contains("'limit'");
            }
            assertThat(f.admin.get("/v1/groups?cursor=garbage!").status()).isEqualTo(400);
        }
    }
}

package io.tributary.server;

import static io.tributary.server.People.assertConforms;
import static io.tributary.server.People.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UsersApiTest {
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void inviteReadUpdateRemoveRoleAndDelete(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            Http.Answer invited = assertConforms("POST", "/v1/users", f.admin.post("/v1/users/",
                    "{\"email\": \"John.White@Example.com\", \"given_name\": \" John \", \"family_name\": \"White\", "
                            + "\"phone\": \"+3 (111) 123-4567\", \"picture\": \"https://example.com/john.png\", "
                            + "\"role\": \"account reviewer\"}"));
            assertThat(invited.status()).isEqualTo(201);
            JsonNode u = invited.data();
            String id = u.path("id").asText();
            assertThat(id).matches("[a-z0-9]{20}");
            assertThat(u.path("email").asText()).as("kept as given").isEqualTo("John.White@Example.com");
            assertThat(u.path("given_name").asText()).isEqualTo("John");
            assertThat(u.path("family_name").asText()).isEqualTo("White");
            assertThat(u.path("phone").asText()).isEqualTo("+3 (111) 123-4567");
            assertThat(u.path("picture").asText()).isEqualTo("https://example.com/john.png");
            assertThat(u.path("role").asText()).as("the catalogue's title").isEqualTo("Account Reviewer");
            assertThat(u.path("invited").asBoolean()).isTrue();
            assertThat(u.path("verified").asBoolean(true)).as("nobody verifies on this server").isFalse();
            assertThat(u.path("active").asBoolean()).isTrue();
            assertThat(u.has("logged_in_at")).as("required by the definition").isTrue();
            assertThat(u.path("logged_in_at").isNull()).as("never logged in").isTrue();
            assertThat(u.path("created_at").asText()).matches(TIMESTAMP);

            String path = "/v1/users/" + id;
            Http.Answer details = assertConforms("GET", path, f.admin.get(path));
            assertThat(details.data()).isEqualTo(u);
            Http.Answer listed = assertConforms("GET", "/v1/users", f.admin.get("/v1/users"));
            assertThat(listed.data().path("items")).containsExactly(u);

            Http.Answer updated = assertConforms("PATCH", path, f.admin.patch(path,
                    "{\"given_name\": \"Johnny\", \"phone\": null, \"role\": \"Account Administrator\", "
                            + "\"email\": \"john.white@example.com\"}"));
            assertThat(updated.json().path("message").asText()).isEqualTo("User has been updated");
            assertThat(updated.data().path("given_name").asText()).isEqualTo("Johnny");
            assertThat(updated.data().path("family_name").asText()).as("untouched").isEqualTo("White");
            assertThat(updated.data().has("phone")).as("cleared by null").isFalse();
            assertThat(updated.data().path("picture").asText()).as("untouched").isEqualTo("https://example.com/john.png");
            assertThat(updated.data().path("role").asText()).isEqualTo("Account Administrator");
            String base64 = "data:image/png;base64,aHR0cDovL215Y29tcGFueS5jb20vYXZhdGFycy9qb2huX3doaXRlLnBuZw==";
            Http.Answer pictured = assertConforms("PATCH", path, f.admin.patch(path, "{\"picture\": \"" + base64 + "\"}"));
            assertThat(pictured.data().path("picture").asText()).isEqualTo(base64);
            assertThat(f.admin.patch(path, "{\"picture\": \"\"}").data().has("picture")).as("cleared by \"\"").isFalse();

            Http.Answer roleRemoved = assertConforms("DELETE", path + "/role", f.admin.delete(path + "/role"));
            assertThat(roleRemoved.json().path("message").asText()).isEqualTo("User role in account has been removed");
            Http.Answer roleless = assertConforms("GET", path, f.admin.get(path));
            assertThat(roleless.data().has("role")).isTrue();
            assertThat(roleless.data().path("role").isNull()).as("no account role, still a user").isTrue();
            assertThat(roleless.data().path("given_name").asText()).isEqualTo("Johnny");

            Http.Answer deleted = assertConforms("DELETE", path, f.admin.delete(path));
            assertThat(deleted.json().path("message").asText()).isEqualTo("User with id '" + id + "' has been deleted");
            for (Http.Answer gone : List.of(f.admin.get(path), f.admin.delete(path), f.admin.delete(path + "/role"),
                    f.admin.patch(path, "{\"given_name\": \"x\"}"))) {
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.code()).isEqualTo("NotFound_User");
                assertThat(gone.json().path("message").asText()).isEqualTo("User with id '" + id + "' doesn't exist");
            }
            assertThat(f.admin.post("/v1/users", "{\"email\": \"john.white@example.com\", \"given_name\": \"J\", "
                    + "\"family_name\": \"W\"}").status()).as("the address is free again").isEqualTo(201);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void invalidFieldsAreNamedAndEmailsAreUniqueInAnyCase(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            Map<String, String> invalid = Map.of(
                    "{\"given_name\": \"A\", \"family_name\": \"B\"}", "Field 'email' is required",
                    "{\"email\": \"a@b.co\", \"family_name\": \"B\"}", "Field 'given_name' is required",
                    "{\"email\": \"a@b.co\", \"given_name\": \"A\", \"family_name\": \" \"}", "Field 'family_name' is required",
                    "{\"email\": \"not-an-address\", \"given_name\": \"A\", \"family_name\": \"B\"}",
                    "Field 'email' must be an email address, got 'not-an-address'",
                    "{\"email\": \"a@b.co\", \"given_name\": \"" + "x".repeat(257) + "\", \"family_name\": \"B\"}",
                    "Field 'given_name' must be at most 256 characters",
                    "{\"email\": \"a@b.co\", \"given_name\": \"A\", \"family_name\": \"B\", \"phone\": \"call me\"}",
                    "Field 'phone' must be a phone number",
                    "{\"email\": \"a@b.co\", \"given_name\": \"A\", \"family_name\": \"B\", \"picture\": \"javascript:alert(1)\"}",
                    "Field 'picture' must be an http(s) URL or a base64 image",
                    "{\"email\": \"a@b.co\", \"given_name\": \"A\", \"family_name\": \"B\", \"role\": \"Manage Connection\"}",
                    "Field 'role' must be an account role, one of 'Account Administrator', 'Account Reviewer', "
                            + "'Account Analyst'; got 'Manage Connection'",
                    "{\"email\": \"a@b.co\", \"given_name\": \"A\", \"family_name\": \"B\", \"role\": \"Owner\"}",
                    "Field 'role' must be an account role",
                    "{\"email\": [\"a@b.co\"], \"given_name\": \"A\", \"family_name\": \"B\"}",
                    "Field 'email' has an invalid value");
            invalid.forEach((body, message) -> {
                Http.Answer answer = f.admin.post("/v1/users", body);
                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("InvalidInput");
                assertThat(answer.json().path("message").asText()).as(body).startsWith(message);
            });
            Http.Answer hugePicture = f.admin.post("/v1/users", "{\"email\": \"a@b.co\", \"given_name\": \"A\", "
                    + "\"family_name\": \"B\", \"picture\": \"https://example.com/" + "p".repeat(262_144) + "\"}");
            assertThat(hugePicture.status()).isEqualTo(400);
            assertThat(hugePicture.json().path("message").asText()).isEqualTo("Field 'picture' must be at most 262144 characters");
            assertThat(f.admin.get("/v1/users").data().path("items")).as("nothing stored").isEmpty();

            String id = user(f, "ana@example.com");
            Http.Answer twice = f.admin.post("/v1/users", "{\"email\": \"ANA@example.COM\", \"given_name\": \"A\", "
                    + "\"family_name\": \"B\"}");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("Conflict");
            assertThat(twice.json().path("message").asText()).contains("ANA@example.COM");

            String path = "/v1/users/" + id;
            Map<String, String> badPatches = Map.of(
                    "{}", "Set at least one of 'given_name', 'family_name', 'phone', 'picture', 'role'",
                    "{\"email\": \"other@example.com\", \"given_name\": \"A\"}", "Field 'email' cannot be changed",
                    "{\"given_name\": \"\"}", "Field 'given_name' is required",
                    "{\"role\": \"Destination Administrator\"}", "Field 'role' must be an account role");
            badPatches.forEach((body, message) -> {
                Http.Answer answer = f.admin.patch(path, body);
                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(answer.json().path("message").asText()).as(body).startsWith(message);
            });
            assertThat(f.admin.get(path).data().path("role").asText()).as("unchanged").isEqualTo("Account Reviewer");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void listsPageAndFilterByActive(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            for (int i = 0; i < 5; i++) {
                user(f, "u" + i + "@example.com");
            }
            List<String> emails = new ArrayList<>();
            String cursor = "";
            while (cursor != null) {
                String path = "/v1/users?limit=2&cursor=" + cursor;
                Http.Answer page = assertConforms("GET", path, f.admin.get(path));
                page.data().path("items").forEach(u -> emails.add(u.path("email").asText()));
                cursor = page.data().has("next_cursor") ? page.data().path("next_cursor").asText() : null;
            }
            assertThat(emails).containsExactly("u0@example.com", "u1@example.com", "u2@example.com", "u3@example.com",
                    "u4@example.com");
            assertThat(f.admin.get("/v1/users?active=true").data().path("items")).hasSize(5);
            assertThat(f.admin.get("/v1/users?active=false").data().path("items")).as("nobody is suspended").isEmpty();
            Http.Answer bad = f.admin.get("/v1/users?active=maybe");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("message").asText()).contains("'active'");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aReviewerKeyReadsButCannotWrite(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = user(f, "kept@example.com");
            assertThat(f.reviewer.get("/v1/users/" + id).status()).isEqualTo(200);
            List<Http.Answer> writes = List.of(
                    f.reviewer.post("/v1/users", "{\"email\": \"x@example.com\", \"given_name\": \"A\", \"family_name\": \"B\"}"),
                    f.reviewer.patch("/v1/users/" + id, "{\"given_name\": \"Z\"}"),
                    f.reviewer.delete("/v1/users/" + id + "/role"),
                    f.reviewer.delete("/v1/users/" + id));
            for (Http.Answer write : writes) {
                assertThat(write.status()).isEqualTo(403);
                assertThat(write.code()).isEqualTo("Forbidden");
            }
            JsonNode after = f.admin.get("/v1/users/" + id).data();
            assertThat(after.path("given_name").asText()).isEqualTo("Given");
            assertThat(after.path("role").asText()).isEqualTo("Account Reviewer");
            assertThat(f.admin.get("/v1/users").data().path("items")).hasSize(1);
        }
    }

    /** Why {@link People#assertConforms} stands in for null: the definition alone rejects it. */
    @Test
    void theDefinitionAloneRejectsANullLoggedInAt() throws Exception {
        String body = "{\"code\":\"Success\",\"data\":{\"id\":\"u\",\"email\":\"a@b.co\",\"verified\":false,"
                + "\"role\":\"Account Reviewer\",\"active\":true,\"logged_in_at\":null,"
                + "\"created_at\":\"2024-01-01T00:00:00.000000Z\"}}";
        Http.Answer answer = new Http.Answer(200, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), body,
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(body));
        assertThatThrownBy(() -> OpenApiContract.assertConforms("GET", "/v1/users/u", answer))
                .hasMessageContaining("logged_in_at");
        People.assertConforms("GET", "/v1/users/u", answer);
    }
}

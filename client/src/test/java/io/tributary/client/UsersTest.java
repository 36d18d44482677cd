package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.model.Membership;
import io.tributary.api.model.User;
import io.tributary.api.model.UserRequest;
import org.junit.jupiter.api.Test;

/** {@link Users} and its memberships: the requests sent and the answers decoded, against a stub. */
class UsersTest {
    private static final String USER = """
            {"id":"u/1","email":"jane@example.com","verified":false,"invited":true,"phone":"+1 555","role":"Account Reviewer",
             "active":true,"given_name":"Jane","family_name":"Doe","logged_in_at":null,"created_at":"2026-01-01T00:00:00.000000Z"}""";

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
    }

    private static StubServer.Answer ok(String data) {
        return StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":" + data + "}");
    }

    @Test
    void invitesWithSnakeCaseFieldsAndDecodesTheUser() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(201,
                "{\"code\":\"Success\",\"message\":\"User has been invited\",\"data\":" + USER + "}"))) {
            User user = client(stub).users().invite(new UserRequest("jane@example.com", "Jane", "Doe", "+1 555", null,
                    "Account Reviewer"));
            assertThat(user.id()).isEqualTo("u/1");
            assertThat(user.givenName()).isEqualTo("Jane");
            assertThat(user.role()).isEqualTo("Account Reviewer");
            assertThat(user.invited()).isTrue();
            StubServer.Received sent = stub.received.get(0);
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.uri()).isEqualTo("/v1/users");
            assertThat(sent.body()).contains("\"given_name\":\"Jane\"", "\"family_name\":\"Doe\"",
                    "\"role\":\"Account Reviewer\"").doesNotContain("picture", "null");
        }
    }

    @Test
    void getUpdateDeleteAndRemoveRoleUseTheEncodedId() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("DELETE")
                ? StubServer.Answer.json(200, "{\"code\":\"Success\",\"message\":\"done\"}") : ok(USER))) {
            Users users = client(stub).users();
            assertThat(users.get("u/1").email()).isEqualTo("jane@example.com");
            users.update("u/1", new UserRequest(null, null, "Smith", "", null, null));
            users.delete("u/1");
            users.removeRole("u/1");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "GET /v1/users/u%2F1", "PATCH /v1/users/u%2F1", "DELETE /v1/users/u%2F1",
                    "DELETE /v1/users/u%2F1/role");
            assertThat(stub.received.get(1).body()).isEqualTo("{\"family_name\":\"Smith\",\"phone\":\"\"}");
        }
    }

    @Test
    void listsFilterByActive() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> ok("{\"items\":[" + USER + "]}"))) {
            assertThat(client(stub).users().list(true).toList()).extracting(User::email).containsExactly("jane@example.com");
            assertThat(client(stub).users().list().count()).isEqualTo(1);
            assertThat(stub.received).extracting(StubServer.Received::uri)
                    .containsExactly("/v1/users?active=true&limit=1000", "/v1/users?limit=1000");
        }
    }

    @Test
    void aMembershipPatchAnsweredWithAMessageOnlyIsReadBack() throws Exception {
        String membership = "{\"id\":\"g1\",\"role\":\"Manage Destination\",\"created_at\":\"2026-01-01T00:00:00.000000Z\"}";
        try (StubServer stub = new StubServer((r, n) -> switch (r.method()) {
            case "PATCH" -> StubServer.Answer.json(200, "{\"code\":\"Success\",\"message\":\"Group membership has been updated\"}");
            case "POST" -> StubServer.Answer.json(201, "{\"code\":\"Success\",\"data\":" + membership + "}");
            case "DELETE" -> StubServer.Answer.json(200, "{\"code\":\"Success\"}");
            default -> ok(r.uri().contains("?") ? "{\"items\":[" + membership + "]}" : membership);
        })) {
            Memberships groups = client(stub).users().groups("u1");
            assertThat(groups.add("g1", "Destination Reviewer").id()).isEqualTo("g1");
            Membership changed = groups.changeRole("g1", "Manage Destination");
            assertThat(changed.role()).isEqualTo("Manage Destination");
            assertThat(groups.list().toList()).hasSize(1);
            groups.remove("g1");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "POST /v1/users/u1/groups", "PATCH /v1/users/u1/groups/g1", "GET /v1/users/u1/groups/g1",
                    "GET /v1/users/u1/groups?limit=1000", "DELETE /v1/users/u1/groups/g1");
            assertThat(stub.received.get(0).body()).isEqualTo("{\"id\":\"g1\",\"role\":\"Destination Reviewer\"}");
            assertThat(stub.received.get(1).body()).isEqualTo("{\"role\":\"Manage Destination\"}");
        }
    }

    @Test
    void connectionMembershipsLiveUnderConnections() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200,
                "{\"code\":\"Success\",\"data\":{\"id\":\"c1\",\"role\":\"View Connection\",\"created_at\":\"x\"}}"))) {
            assertThat(client(stub).users().connections("u1").changeRole("c1", "View Connection").id()).isEqualTo("c1");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri())
                    .containsExactly("PATCH /v1/users/u1/connections/c1");
        }
    }

    @Test
    void errorsCarryTheServersCodeAndMessage() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET")
                ? StubServer.Answer.json(404, "{\"code\":\"NotFound_User\",\"message\":\"User with id 'nope' doesn't exist\"}")
                : StubServer.Answer.json(409, "{\"code\":\"Conflict\",\"message\":\"A user with email 'a@b.co' already exists\"}"))) {
            assertThatThrownBy(() -> client(stub).users().get("nope")).isInstanceOf(ApiError.class)
                    .satisfies(e -> assertThat(((ApiError) e).status()).isEqualTo(404))
                    .satisfies(e -> assertThat(((ApiError) e).code()).isEqualTo("NotFound_User"));
            assertThatThrownBy(() -> client(stub).users().invite(new UserRequest("a@b.co", "A", "B", null, null, null)))
                    .isInstanceOf(ApiError.class).hasMessageContaining("409").hasMessageContaining("already exists");
        }
    }

    @Test
    void anAnswerWithoutDataIsAnErrorNotANull() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, "{\"code\":\"Success\"}"))) {
            assertThatThrownBy(() -> client(stub).users().get("u1")).isInstanceOf(ApiError.class)
                    .hasMessageContaining("no data object");
        }
    }
}

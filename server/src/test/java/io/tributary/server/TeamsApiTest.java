package io.tributary.server;

import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static io.tributary.server.People.assertConforms;
import static io.tributary.server.People.team;
import static io.tributary.server.People.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Teams, their users, and their memberships in groups and connections. */
class TeamsApiTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void createReadUpdateRemoveRoleAndDelete(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            Http.Answer created = assertConforms("POST", "/v1/teams", f.admin.post("/v1/teams/",
                    "{\"name\": \"Finance\", \"description\": \"Month-end close\", \"role\": \"account analyst\"}"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("message").asText()).isEqualTo("Team has been created");
            JsonNode t = created.data();
            String id = t.path("id").asText();
            assertThat(id).matches("[a-z0-9]{20}");
            assertThat(t.path("name").asText()).isEqualTo("Finance");
            assertThat(t.path("description").asText()).isEqualTo("Month-end close");
            assertThat(t.path("role").asText()).isEqualTo("Account Analyst");

            String path = "/v1/teams/" + id;
            assertThat(assertConforms("GET", path, f.admin.get(path)).data()).isEqualTo(t);
            assertThat(assertConforms("GET", "/v1/teams", f.admin.get("/v1/teams")).data().path("items")).containsExactly(t);

            Http.Answer updated = assertConforms("PATCH", path, f.admin.patch(path,
                    "{\"name\": \"Finance EU\", \"description\": null, \"role\": \"Account Reviewer\"}"));
            assertThat(updated.json().path("message").asText()).isEqualTo("Team has been updated");
            assertThat(updated.data().path("name").asText()).isEqualTo("Finance EU");
            assertThat(updated.data().has("description")).as("cleared by null").isFalse();
            assertThat(updated.data().path("role").asText()).isEqualTo("Account Reviewer");
            Http.Answer described = assertConforms("PATCH", path, f.admin.patch(path, "{\"description\": \"EMEA\"}"));
            assertThat(described.data().path("name").asText()).as("untouched").isEqualTo("Finance EU");
            assertThat(described.data().path("description").asText()).isEqualTo("EMEA");

            Http.Answer roleRemoved = assertConforms("DELETE", path + "/role", f.admin.delete(path + "/role"));
            assertThat(roleRemoved.json().path("message").asText()).isEqualTo("Team role in account has been removed");
            JsonNode roleless = assertConforms("GET", path, f.admin.get(path)).data();
            assertThat(roleless.has("role")).as("required by the definition").isTrue();
            assertThat(roleless.path("role").isNull()).isTrue();
            assertThat(roleless.path("name").asText()).isEqualTo("Finance EU");

            Http.Answer deleted = assertConforms("DELETE", path, f.admin.delete(path));
            assertThat(deleted.json().path("message").asText()).isEqualTo("Team with id '" + id + "' has been deleted");
            for (Http.Answer gone : List.of(f.admin.get(path), f.admin.delete(path), f.admin.delete(path + "/role"),
                    f.admin.patch(path, "{\"name\": \"x\"}"), f.admin.get(path + "/users"), f.admin.get(path + "/groups"),
                    f.admin.get(path + "/connections"))) {
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.code()).isEqualTo("NotFound_Team");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void invalidFieldsAreNamedAndNamesAreUnique(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            Map<String, String> invalid = Map.of(
                    "{}", "Field 'name' is required",
                    "{\"name\": \"  \", \"role\": \"Account Reviewer\"}", "Field 'name' is required",
                    "{\"name\": \"" + "n".repeat(257) + "\"}", "Field 'name' must be at most 256 characters",
                    "{\"name\": \"T\", \"description\": \"" + "d".repeat(1025) + "\"}",
                    "Field 'description' must be at most 1024 characters",
                    "{\"name\": \"T\", \"role\": \"Team Manager\"}", "Field 'role' must be an account role, one of "
                            + "'Account Administrator', 'Account Reviewer', 'Account Analyst'; got 'Team Manager'");
            invalid.forEach((body, message) -> {
                Http.Answer answer = f.admin.post("/v1/teams", body);
                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("InvalidInput");
                assertThat(answer.json().path("message").asText()).as(body).isEqualTo(message);
            });
            String first = team(f, "Finance");
            String second = team(f, "Sales");
            Http.Answer twice = f.admin.post("/v1/teams", "{\"name\": \"Finance\"}");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("Conflict");
            Http.Answer renamedOnto = f.admin.patch("/v1/teams/" + second, "{\"name\": \"Finance\"}");
            assertThat(renamedOnto.status()).isEqualTo(409);
            assertThat(renamedOnto.json().path("message").asText()).isEqualTo("A team named 'Finance' already exists");
            assertThat(f.admin.patch("/v1/teams/" + first, "{}").json().path("message").asText())
                    .isEqualTo("Set at least one of 'name', 'description', 'role'");
            assertThat(f.admin.patch("/v1/teams/" + first, "{\"role\": \"Manage Connection\"}").status()).isEqualTo(400);
            assertThat(f.admin.get("/v1/teams/" + second).data().path("name").asText()).isEqualTo("Sales");
            assertThat(f.admin.get("/v1/teams/" + first).data().path("role").asText()).isEqualTo("Account Analyst");

            assertThat(f.reviewer.post("/v1/teams", "{\"name\": \"Ops\"}").status()).isEqualTo(403);
            assertThat(f.reviewer.patch("/v1/teams/" + first, "{\"name\": \"Ops\"}").status()).isEqualTo(403);
            assertThat(f.reviewer.delete("/v1/teams/" + first).code()).isEqualTo("Forbidden");
            assertThat(f.reviewer.get("/v1/teams/" + first).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void listsPageByCursor(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            for (int i = 0; i < 5; i++) {
                team(f, "t" + i);
            }
            List<String> names = new ArrayList<>();
            String cursor = "";
            int pages = 0;
            while (cursor != null) {
                String path = "/v1/teams?limit=2&cursor=" + cursor;
                Http.Answer page = assertConforms("GET", path, f.admin.get(path));
                page.data().path("items").forEach(t -> names.add(t.path("name").asText()));
                cursor = page.data().has("next_cursor") ? page.data().path("next_cursor").asText() : null;
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(names).containsExactly("t0", "t1", "t2", "t3", "t4");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void teamUsersJoinAsMembersAndChangeRoles(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String teamId = team(f, "Finance");
            String ana = user(f, "ana@example.com");
            String bob = user(f, "bob@example.com");
            String users = "/v1/teams/" + teamId + "/users";
            Http.Answer added = assertConforms("POST", users, f.admin.post(users, "{\"user_id\": \"" + ana + "\"}"));
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().path("message").asText()).isEqualTo("User has been added to the team");
            assertThat(added.data().path("user_id").asText()).isEqualTo(ana);
            assertThat(added.data().path("role").asText()).as("the default").isEqualTo("Team Member");
            Http.Answer manager = assertConforms("POST", users, f.admin.post(users,
                    "{\"user_id\": \"" + bob + "\", \"role\": \"team manager\"}"));
            assertThat(manager.data().path("role").asText()).isEqualTo("Team Manager");
            assertThat(assertConforms("GET", users, f.admin.get(users)).data().path("items"))
                    .containsExactly(added.data(), manager.data());

            String one = users + "/" + ana;
            assertThat(assertConforms("GET", one, f.admin.get(one)).data()).isEqualTo(added.data());
            Http.Answer promoted = assertConforms("PATCH", one, f.admin.patch(one, "{\"role\": \"Team Manager\"}"));
            assertThat(promoted.json().path("message").asText()).isEqualTo("User role has been updated");
            assertThat(promoted.data().path("role").asText()).isEqualTo("Team Manager");
            assertThat(promoted.data().path("created_at")).isEqualTo(added.data().path("created_at"));

            Http.Answer twice = f.admin.post(users, "{\"user_id\": \"" + ana + "\"}");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("Conflict");
            assertThat(f.admin.post(users, "{\"role\": \"Team Member\"}").json().path("message").asText())
                    .isEqualTo("Field 'user_id' is required");
            Http.Answer wrongKind = f.admin.patch(one, "{\"role\": \"Account Administrator\"}");
            assertThat(wrongKind.status()).isEqualTo(400);
            assertThat(wrongKind.json().path("message").asText()).isEqualTo("Field 'role' must be a team role, one of "
                    + "'Team Manager', 'Team Member'; got 'Account Administrator'");
            assertThat(f.admin.post(users, "{\"user_id\": \"" + bob + "\", \"role\": \"View Connection\"}").status())
                    .isEqualTo(400);
            Http.Answer stranger = f.admin.post(users, "{\"user_id\": \"nope\"}");
            assertThat(stranger.status()).isEqualTo(404);
            assertThat(stranger.code()).isEqualTo("NotFound_User");
            assertThat(f.admin.get(users + "/nope").code()).isEqualTo("NotFound_User");
            assertThat(f.admin.get("/v1/teams/nope/users/" + ana).code()).isEqualTo("NotFound_Team");

            Http.Answer removed = assertConforms("DELETE", one, f.admin.delete(one));
            assertThat(removed.json().path("message").asText()).isEqualTo("User has been removed from the team");
            Http.Answer gone = f.admin.get(one);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.code()).isEqualTo("NotFound_Membership");
            assertThat(gone.json().path("message").asText())
                    .isEqualTo("User '" + ana + "' has no membership in team '" + teamId + "'");
            assertThat(f.admin.delete(one).code()).isEqualTo("NotFound_Membership");
            assertThat(f.admin.get("/v1/users/" + ana).status()).as("the user stays").isEqualTo(200);
            assertThat(f.reviewer.post(users, "{\"user_id\": \"" + ana + "\"}").status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void teamGroupAndConnectionMemberships(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String teamId = team(f, "Finance");
            String groupId = group(f, "Warehouse");
            String connectionId = create(f, groupId, "orders");
            String groups = "/v1/teams/" + teamId + "/groups";
            Http.Answer inGroup = assertConforms("POST", groups, f.admin.post(groups,
                    "{\"id\": \"" + groupId + "\", \"role\": \"Manage Destination\"}"));
            assertThat(inGroup.status()).isEqualTo(201);
            assertThat(inGroup.json().path("message").asText()).isEqualTo("Group membership has been created");
            assertThat(inGroup.data().path("id").asText()).isEqualTo(groupId);
            String group = groups + "/" + groupId;
            Http.Answer groupChanged = assertConforms("PATCH", group, f.admin.patch(group,
                    "{\"role\": \"Destination Administrator\"}"));
            assertThat(groupChanged.data().path("role").asText()).as("a team's PATCH returns the membership")
                    .isEqualTo("Destination Administrator");
            assertThat(assertConforms("GET", groups, f.admin.get(groups)).data().path("items"))
                    .containsExactly(groupChanged.data());
            assertThat(f.admin.post(groups, "{\"id\": \"" + groupId + "\", \"role\": \"Manage Destination\"}").status())
                    .isEqualTo(409);
            assertThat(f.admin.post(groups, "{\"id\": \"" + groupId + "\", \"role\": \"View Connection\"}").status())
                    .isEqualTo(400);

            String connections = "/v1/teams/" + teamId + "/connections";
            Http.Answer inConnection = assertConforms("POST", connections, f.admin.post("/v1/teams/" + teamId
                    + "/connectors", "{\"id\": \"" + connectionId + "\", \"role\": \"Manage Connection\"}"));
            assertThat(inConnection.status()).as("through the legacy path").isEqualTo(201);
            String connection = connections + "/" + connectionId;
            assertThat(assertConforms("GET", connection, f.admin.get(connection)).data()).isEqualTo(inConnection.data());
            Http.Answer connectionChanged = assertConforms("PATCH", connection, f.admin.patch(connection,
                    "{\"role\": \"View Connection\"}"));
            assertThat(connectionChanged.data().path("role").asText()).isEqualTo("View Connection");
            Http.Answer wrongKind = f.admin.patch(connection, "{\"role\": \"Manage Destination\"}");
            assertThat(wrongKind.json().path("message").asText()).startsWith("Field 'role' must be a connection role");
            assertThat(f.admin.get(connections + "/nope").code()).isEqualTo("NotFound_Connection");

            Http.Answer groupDeleted = assertConforms("DELETE", group, f.admin.delete(group));
            assertThat(groupDeleted.json().path("message").asText()).isEqualTo("Group membership has been deleted");
            assertThat(groupDeleted.json().has("data")).isFalse();
            Http.Answer connectionDeleted = assertConforms("DELETE", connection, f.admin.delete(connection));
            assertThat(connectionDeleted.json().path("message").asText()).isEqualTo("Connection membership has been deleted");
            assertThat(f.admin.get(group).code()).isEqualTo("NotFound_Membership");
            assertThat(f.admin.get(connection).json().path("message").asText())
                    .isEqualTo("Team '" + teamId + "' has no membership in connection '" + connectionId + "'");
            assertThat(f.reviewer.post(groups, "{\"id\": \"" + groupId + "\", \"role\": \"Manage Destination\"}")
                    .status()).isEqualTo(403);
        }
    }
}

package io.tributary.server;

import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static io.tributary.server.People.assertConforms;
import static io.tributary.server.People.rows;
import static io.tributary.server.People.team;
import static io.tributary.server.People.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A user's memberships in groups and connections, and the group's view of its users. */
class UserMembershipsApiTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void groupMembershipsAddReadChangeAndDelete(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String userId = user(f, "ana@example.com");
            String groupId = group(f, "Warehouse");
            String all = "/v1/users/" + userId + "/groups";
            Http.Answer added = assertConforms("POST", all, f.admin.post(all,
                    "{\"id\": \"" + groupId + "\", \"role\": \"destination administrator\"}"));
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().path("message").asText()).isEqualTo("Group membership has been created");
            JsonNode m = added.data();
            assertThat(m.path("id").asText()).as("the group's id").isEqualTo(groupId);
            assertThat(m.path("role").asText()).isEqualTo("Destination Administrator");
            assertThat(m.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

            Http.Answer twice = f.admin.post(all, "{\"id\": \"" + groupId + "\", \"role\": \"Manage Destination\"}");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("Conflict");

            assertThat(assertConforms("GET", all, f.admin.get(all)).data().path("items")).containsExactly(m);
            String one = all + "/" + groupId;
            assertThat(assertConforms("GET", one, f.admin.get(one)).data()).isEqualTo(m);

            Http.Answer changed = assertConforms("PATCH", one, f.admin.patch(one, "{\"role\": \"Manage Destination\"}"));
            assertThat(changed.json().path("message").asText()).isEqualTo("Group membership has been updated");
            assertThat(changed.json().has("data")).as("the definition answers this PATCH with a message").isFalse();
            JsonNode after = f.admin.get(one).data();
            assertThat(after.path("role").asText()).isEqualTo("Manage Destination");
            assertThat(after.path("created_at")).as("kept").isEqualTo(m.path("created_at"));

            Http.Answer deleted = assertConforms("DELETE", one, f.admin.delete(one));
            assertThat(deleted.json().path("message").asText()).isEqualTo("Group membership has been deleted");
            for (Http.Answer gone : List.of(f.admin.get(one), f.admin.delete(one),
                    f.admin.patch(one, "{\"role\": \"Manage Destination\"}"))) {
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.code()).isEqualTo("NotFound_Membership");
                assertThat(gone.json().path("message").asText())
                        .isEqualTo("User '" + userId + "' has no membership in group '" + groupId + "'");
            }
            assertThat(f.admin.get(all).data().path("items")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void membershipErrorsNameTheFieldOrTheMissingResource(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String userId = user(f, "ana@example.com");
            String groupId = group(f, "Warehouse");
            String connectionId = create(f, groupId, "orders");
            String groups = "/v1/users/" + userId + "/groups";
            String connections = "/v1/users/" + userId + "/connections";

            Http.Answer noId = f.admin.post(groups, "{\"role\": \"Manage Destination\"}");
            assertThat(noId.status()).isEqualTo(400);
            assertThat(noId.json().path("message").asText()).isEqualTo("Field 'id' is required");
            Http.Answer noRole = f.admin.post(groups, "{\"id\": \"" + groupId + "\"}");
            assertThat(noRole.json().path("message").asText()).isEqualTo("Field 'role' is required");
            Http.Answer connectionRoleInGroup = f.admin.post(groups, "{\"id\": \"" + groupId + "\", \"role\": \"Manage Connection\"}");
            assertThat(connectionRoleInGroup.status()).isEqualTo(400);
            assertThat(connectionRoleInGroup.json().path("message").asText()).isEqualTo("Field 'role' must be a group "
                    + "role, one of 'Destination Administrator', 'Manage Destination'; got 'Manage Connection'");
            Http.Answer accountRoleInConnection = f.admin.post(connections,
                    "{\"id\": \"" + connectionId + "\", \"role\": \"Account Administrator\"}");
            assertThat(accountRoleInConnection.status()).isEqualTo(400);
            assertThat(accountRoleInConnection.json().path("message").asText()).isEqualTo("Field 'role' must be a "
                    + "connection role, one of 'Manage Connection', 'View Connection'; got 'Account Administrator'");

            Http.Answer unknownGroup = f.admin.post(groups, "{\"id\": \"nope\", \"role\": \"Manage Destination\"}");
            assertThat(unknownGroup.status()).isEqualTo(404);
            assertThat(unknownGroup.code()).isEqualTo("NotFound_Group");
            assertThat(f.admin.get(groups + "/nope").code()).isEqualTo("NotFound_Group");
            Http.Answer unknownConnection = f.admin.post(connections, "{\"id\": \"nope\", \"role\": \"View Connection\"}");
            assertThat(unknownConnection.status()).isEqualTo(404);
            assertThat(unknownConnection.code()).isEqualTo("NotFound_Connection");
            assertThat(f.admin.delete(connections + "/nope").code()).isEqualTo("NotFound_Connection");
            for (String path : List.of("/v1/users/nope/groups", "/v1/users/nope/connections",
                    "/v1/users/nope/groups/" + groupId, "/v1/users/nope/connections/" + connectionId)) {
                Http.Answer unknownUser = f.admin.get(path);
                assertThat(unknownUser.status()).as(path).isEqualTo(404);
                assertThat(unknownUser.code()).as(path).isEqualTo("NotFound_User");
            }
            assertThat(f.admin.post("/v1/users/nope/groups", "{\"id\": \"" + groupId + "\", \"role\": \"Manage Destination\"}")
                    .code()).isEqualTo("NotFound_User");

            String one = groups + "/" + groupId;
            f.admin.post(groups, "{\"id\": \"" + groupId + "\", \"role\": \"Manage Destination\"}");
            Http.Answer badChange = f.admin.patch(one, "{\"role\": \"Team Member\"}");
            assertThat(badChange.status()).isEqualTo(400);
            assertThat(badChange.json().path("message").asText()).startsWith("Field 'role' must be a group role");
            assertThat(f.admin.patch(one, "{}").json().path("message").asText()).isEqualTo("Field 'role' is required");
            assertThat(f.admin.get(one).data().path("role").asText()).as("unchanged").isEqualTo("Manage Destination");
            assertThat(f.reviewer.post(connections, "{\"id\": \"" + connectionId + "\", \"role\": \"View Connection\"}")
                    .status()).isEqualTo(403);
            assertThat(f.reviewer.delete(one).status()).isEqualTo(403);
            assertThat(f.reviewer.get(one).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void connectionMembershipsAnswerWithTheMembershipAndServeTheLegacyPath(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String userId = user(f, "ana@example.com");
            String connectionId = create(f, group(f, "Warehouse"), "orders");
            String all = "/v1/users/" + userId + "/connections";
            Http.Answer added = assertConforms("POST", all, f.admin.post(all,
                    "{\"id\": \"" + connectionId + "\", \"role\": \"View Connection\"}"));
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().path("message").asText()).isEqualTo("Connection membership has been created");
            assertThat(added.data().path("id").asText()).isEqualTo(connectionId);
            assertThat(f.admin.post(all, "{\"id\": \"" + connectionId + "\", \"role\": \"View Connection\"}").status())
                    .isEqualTo(409);

            String legacy = "/v1/users/" + userId + "/connectors/" + connectionId;
            assertThat(f.admin.get(legacy).data()).as("the legacy path").isEqualTo(added.data());
            String one = all + "/" + connectionId;
            Http.Answer changed = assertConforms("PATCH", one, f.admin.patch(one, "{\"role\": \"Manage Connection\"}"));
            assertThat(changed.json().path("message").asText()).isEqualTo("Connection membership has been updated");
            assertThat(changed.data().path("role").asText()).isEqualTo("Manage Connection");
            assertThat(assertConforms("GET", all, f.admin.get(all)).data().path("items")).containsExactly(changed.data());

            Http.Answer deleted = assertConforms("DELETE", one, f.admin.delete(one));
            assertThat(deleted.json().path("message").asText()).isEqualTo("Connection membership has been deleted");
            assertThat(deleted.data()).as("the definition returns the deleted membership").isEqualTo(changed.data());
            assertThat(f.admin.get(one).code()).isEqualTo("NotFound_Membership");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void groupUsersAreAddedByEmailAndListedAsUsers(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String ana = user(f, "ana@example.com");
            String bob = user(f, "bob@example.com");
            String groupId = group(f, "Warehouse");
            String users = "/v1/groups/" + groupId + "/users";
            assertThat(assertConforms("GET", users, f.admin.get(users)).data().path("items")).isEmpty();

            Http.Answer added = assertConforms("POST", users, f.admin.post(users,
                    "{\"email\": \"BOB@example.com\", \"role\": \"Manage Destination\"}"));
            assertThat(added.status()).isEqualTo(200);
            assertThat(added.json().path("message").asText()).isEqualTo("User has been added to the group");
            f.admin.post("/v1/users/" + ana + "/groups", "{\"id\": \"" + groupId + "\", \"role\": \"Destination Administrator\"}");

            Http.Answer listed = assertConforms("GET", users, f.admin.get(users));
            assertThat(listed.data().path("items")).extracting(u -> u.path("id").asText()).containsExactly(bob, ana);
            assertThat(listed.data().path("items").get(0)).as("whole users").isEqualTo(f.admin.get("/v1/users/" + bob).data());
            assertThat(f.admin.get(users + "?active=false").data().path("items")).isEmpty();
            Http.Answer firstPage = assertConforms("GET", users + "?limit=1", f.admin.get(users + "?limit=1"));
            assertThat(firstPage.data().path("next_cursor").asText()).isNotEmpty();
            assertThat(f.admin.get("/v1/users/" + bob + "/groups/" + groupId).data().path("role").asText())
                    .as("the same membership, seen from the user").isEqualTo("Manage Destination");

            Http.Answer twice = f.admin.post(users, "{\"email\": \"bob@example.com\", \"role\": \"Manage Destination\"}");
            assertThat(twice.status()).isEqualTo(409);
            Http.Answer stranger = f.admin.post(users, "{\"email\": \"eve@example.com\", \"role\": \"Manage Destination\"}");
            assertThat(stranger.status()).isEqualTo(404);
            assertThat(stranger.code()).isEqualTo("NotFound_User");
            assertThat(f.admin.post(users, "{\"role\": \"Manage Destination\"}").json().path("message").asText())
                    .isEqualTo("Field 'email' is required");
            Http.Answer wrongKind = f.admin.post(users, "{\"email\": \"ana@example.com\", \"role\": \"Account Administrator\"}");
            assertThat(wrongKind.status()).isEqualTo(400);
            assertThat(wrongKind.json().path("message").asText()).startsWith("Field 'role' must be a group role");
            assertThat(f.admin.get("/v1/groups/nope/users").code()).isEqualTo("NotFound_Group");

            Http.Answer removed = assertConforms("DELETE", users + "/" + bob, f.admin.delete(users + "/" + bob));
            assertThat(removed.json().path("message").asText())
                    .isEqualTo("User with id '" + bob + "' has been removed from the group");
            assertThat(f.admin.delete(users + "/" + bob).code()).isEqualTo("NotFound_Membership");
            assertThat(f.admin.delete(users + "/nope").code()).isEqualTo("NotFound_User");
            assertThat(f.admin.get(users).data().path("items")).extracting(u -> u.path("id").asText()).containsExactly(ana);
            assertThat(f.reviewer.post(users, "{\"email\": \"bob@example.com\", \"role\": \"Manage Destination\"}")
                    .status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void deletingAGroupConnectionUserOrTeamRemovesItsMemberships(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String userId = user(f, "ana@example.com");
            String teamId = team(f, "Analysts");
            String groupId = group(f, "Warehouse");
            String otherGroup = group(f, "Lake");
            String connectionId = create(f, groupId, "orders");
            String otherConnection = create(f, otherGroup, "events");
            for (String member : List.of("/v1/users/" + userId, "/v1/teams/" + teamId)) {
                for (String g : List.of(groupId, otherGroup)) {
                    assertThat(f.admin.post(member + "/groups", "{\"id\": \"" + g + "\", \"role\": \"Manage Destination\"}")
                            .status()).isEqualTo(201);
                }
                for (String c : List.of(connectionId, otherConnection)) {
                    assertThat(f.admin.post(member + "/connections", "{\"id\": \"" + c + "\", \"role\": \"View Connection\"}")
                            .status()).isEqualTo(201);
                }
            }
            assertThat(f.admin.post("/v1/teams/" + teamId + "/users", "{\"user_id\": \"" + userId + "\"}").status())
                    .isEqualTo(201);

            assertThat(f.admin.delete("/v1/connections/" + connectionId).status()).isEqualTo(200);
            for (String member : List.of("/v1/users/" + userId, "/v1/teams/" + teamId)) {
                assertThat(f.admin.get(member + "/connections").data().path("items"))
                        .extracting(m -> m.path("id").asText()).containsExactly(otherConnection);
            }
            // Deleting a group deletes its connections too, and every membership in either.
            assertThat(f.admin.delete("/v1/groups/" + otherGroup).status()).isEqualTo(200);
            for (String member : List.of("/v1/users/" + userId, "/v1/teams/" + teamId)) {
                assertThat(f.admin.get(member + "/groups").data().path("items"))
                        .extracting(m -> m.path("id").asText()).containsExactly(groupId);
                assertThat(f.admin.get(member + "/connections").data().path("items")).isEmpty();
            }

            assertThat(f.admin.delete("/v1/users/" + userId).status()).isEqualTo(200);
            assertThat(f.admin.get("/v1/teams/" + teamId + "/users").data().path("items")).isEmpty();
            assertThat(f.admin.get("/v1/groups/" + groupId + "/users").data().path("items")).isEmpty();
            assertThat(rows(f, "user_group_memberships")).isZero();
            assertThat(rows(f, "user_connection_memberships")).isZero();

            assertThat(rows(f, "team_group_memberships")).isEqualTo(1);
            assertThat(f.admin.delete("/v1/teams/" + teamId).status()).isEqualTo(200);
            assertThat(rows(f, "team_group_memberships")).isZero();
            assertThat(rows(f, "team_users")).isZero();
            assertThat(f.admin.get("/v1/groups/" + groupId).status()).as("the group stays").isEqualTo(200);
        }
    }
}

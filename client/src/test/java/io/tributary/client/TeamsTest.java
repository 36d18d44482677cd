package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.model.Team;
import io.tributary.api.model.TeamRequest;
import io.tributary.api.model.TeamUser;
import org.junit.jupiter.api.Test;

/** {@link Teams}, {@link TeamUsers} and team memberships against a stub. */
class TeamsTest {
    private static final String TEAM = "{\"id\":\"t1\",\"name\":\"Finance\",\"description\":\"Money\",\"role\":null}";
    private static final String TEAM_USER = "{\"user_id\":\"u1\",\"role\":\"Team Manager\",\"created_at\":\"2026-01-01T00:00:00.000000Z\"}";

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
    }

    @Test
    void createsListsUpdatesAndDeletesTeams() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(r.method().equals("POST") ? 201 : 200,
                r.method().equals("DELETE") ? "{\"code\":\"Success\",\"message\":\"deleted\"}"
                        : r.uri().contains("?") ? "{\"code\":\"Success\",\"data\":{\"items\":[" + TEAM + "]}}"
                        : "{\"code\":\"Success\",\"data\":" + TEAM + "}"))) {
            Teams teams = client(stub).teams();
            Team team = teams.create(new TeamRequest("Finance", "Money", null));
            assertThat(team).isEqualTo(new Team("t1", "Finance", "Money", null));
            assertThat(teams.list().map(Team::name).toList()).containsExactly("Finance");
            assertThat(teams.get("t1").description()).isEqualTo("Money");
            teams.update("t1", new TeamRequest(null, null, "Account Analyst"));
            teams.removeRole("t1");
            teams.delete("t1");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly("POST /v1/teams",
                    "GET /v1/teams?limit=1000", "GET /v1/teams/t1", "PATCH /v1/teams/t1", "DELETE /v1/teams/t1/role",
                    "DELETE /v1/teams/t1");
            assertThat(stub.received.get(0).body()).isEqualTo("{\"name\":\"Finance\",\"description\":\"Money\"}");
            assertThat(stub.received.get(3).body()).isEqualTo("{\"role\":\"Account Analyst\"}");
        }
    }

    @Test
    void teamUsersAreAddedByUserIdWithAnOptionalRole() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200,
                r.uri().contains("?") ? "{\"code\":\"Success\",\"data\":{\"items\":[" + TEAM_USER + "]}}"
                        : "{\"code\":\"Success\",\"data\":" + TEAM_USER + "}"))) {
            TeamUsers users = client(stub).teams().users("t1");
            assertThat(users.add("u1", null)).isEqualTo(new TeamUser("u1", "Team Manager", "2026-01-01T00:00:00.000000Z"));
            assertThat(users.changeRole("u1", "Team Manager").role()).isEqualTo("Team Manager");
            assertThat(users.list().map(TeamUser::userId).toList()).containsExactly("u1");
            assertThat(users.get("u1").userId()).isEqualTo("u1");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "POST /v1/teams/t1/users", "PATCH /v1/teams/t1/users/u1", "GET /v1/teams/t1/users?limit=1000",
                    "GET /v1/teams/t1/users/u1");
            assertThat(stub.received.get(0).body()).isEqualTo("{\"user_id\":\"u1\"}");
            assertThat(stub.received.get(1).body()).isEqualTo("{\"role\":\"Team Manager\"}");
        }
    }

    @Test
    void teamGroupAndConnectionMembershipsUseTheirOwnPaths() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(201,
                "{\"code\":\"Success\",\"data\":{\"id\":\"x\",\"role\":\"r\",\"created_at\":\"c\"}}"))) {
            client(stub).teams().groups("t1").add("g1", "Destination Reviewer");
            client(stub).teams().connections("t1").add("c1", "View Connection");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri())
                    .containsExactly("POST /v1/teams/t1/groups", "POST /v1/teams/t1/connections");
        }
    }
}

package io.tributary.client;

import io.tributary.api.model.Team;
import io.tributary.api.model.TeamRequest;
import java.util.stream.Stream;

/** {@code /v1/teams}: teams, their account roles, their users, and their group and connection memberships. */
public final class Teams {
    private final TributaryClient client;

    Teams(TributaryClient client) {
        this.client = client;
    }

    public Stream<Team> list() {
        return client.list("teams", Team.class);
    }

    public Team get(String id) {
        return Envelopes.data(client, "GET", one(id), null, Team.class);
    }

    /** Creates a team; {@code description} and {@code role} (an account role) may be null. 409 if the name is taken. */
    public Team create(TeamRequest team) {
        return Envelopes.data(client, "POST", "teams", team, Team.class);
    }

    /** Changes the fields set in {@code changes}; null ones stay, a "" description clears it. */
    public Team update(String id, TeamRequest changes) {
        return Envelopes.data(client, "PATCH", one(id), changes, Team.class);
    }

    public void delete(String id) {
        client.call("DELETE", one(id), null);
    }

    /** Removes the team's account role; it keeps its users and memberships. */
    public void removeRole(String id) {
        client.call("DELETE", one(id) + "/role", null);
    }

    public TeamUsers users(String teamId) {
        return new TeamUsers(client, one(teamId) + "/users");
    }

    /** The team's roles in groups. */
    public Memberships groups(String teamId) {
        return new Memberships(client, one(teamId) + "/groups");
    }

    /** The team's roles in connections. */
    public Memberships connections(String teamId) {
        return new Memberships(client, one(teamId) + "/connections");
    }

    private static String one(String id) {
        return "teams/" + TributaryClient.segment(id);
    }
}

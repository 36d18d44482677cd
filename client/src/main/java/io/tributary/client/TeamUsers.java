package io.tributary.client;

import io.tributary.api.model.TeamUser;
import io.tributary.api.model.TeamUserRequest;
import java.util.stream.Stream;

/** {@code /v1/teams/{id}/users}: a team's users and their team roles ("Team Member", "Team Manager"). */
public final class TeamUsers {
    private final TributaryClient client;
    private final String path;

    TeamUsers(TributaryClient client, String path) {
        this.client = client;
        this.path = path;
    }

    public Stream<TeamUser> list() {
        return client.list(path, TeamUser.class);
    }

    public TeamUser get(String userId) {
        return Envelopes.data(client, "GET", one(userId), null, TeamUser.class);
    }

    /** Adds a user to the team; a null {@code role} lets the server choose ("Team Member"). */
    public TeamUser add(String userId, String role) {
        return Envelopes.data(client, "POST", path, new TeamUserRequest(userId, role), TeamUser.class);
    }

    public TeamUser changeRole(String userId, String role) {
        return Envelopes.data(client, "PATCH", one(userId), new TeamUserRequest(null, role), TeamUser.class);
    }

    public void remove(String userId) {
        client.call("DELETE", one(userId), null);
    }

    private String one(String userId) {
        return path + "/" + TributaryClient.segment(userId);
    }
}

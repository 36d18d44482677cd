package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.ApiJson;
import io.tributary.api.model.TeamUser;
import io.tributary.api.model.TeamUserRequest;
import io.tributary.server.auth.Permission;
import io.tributary.server.auth.Role;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.MembershipStore;

/** {@code /v1/teams/{teamId}/users}: a team's users and their team roles ("Team Member" unless given). */
public final class TeamUsersApi {
    private final MembershipStore teamUsers;
    private final TeamsApi teams;
    private final UsersApi users;

    public TeamUsersApi(MembershipStore teamUsers, TeamsApi teams, UsersApi users) {
        this.teamUsers = teamUsers;
        this.teams = teams;
        this.users = users;
    }

    public void register(Router router) {
        router.get("/v1/teams/{teamId}/users", this::list);
        router.post("/v1/teams/{teamId}/users", Permission.MANAGE_ACCOUNT, this::add);
        router.get("/v1/teams/{teamId}/users/{userId}", ctx -> Json.ok(ctx, view(require(ctx))));
        router.patch("/v1/teams/{teamId}/users/{userId}", Permission.MANAGE_ACCOUNT, this::update);
        router.delete("/v1/teams/{teamId}/users/{userId}", Permission.MANAGE_ACCOUNT, this::delete);
    }

    private void list(Context ctx) {
        String teamId = teams.require(ctx.pathParam("teamId")).id();
        Paging paging = Paging.of(ctx);
        Json.page(ctx, paging.page(teamUsers.list(teamId, paging.skip(), paging.fetch()).stream()
                .map(TeamUsersApi::view).toList()));
    }

    private void add(Context ctx) {
        String teamId = teams.require(ctx.pathParam("teamId")).id();
        TeamUserRequest req = Json.body(ctx, TeamUserRequest.class);
        if (req.userId() == null || req.userId().isBlank()) {
            throw ApiException.required("user_id");
        }
        String role = req.role() == null ? Role.TEAM_MEMBER.title()
                : RoleField.TEAM.require(req.role());
        String userId = users.require(req.userId()).id();
        try {
            Json.created(ctx, "User has been added to the team", view(teamUsers.add(teamId, userId, role)));
        } catch (Jdbc.DuplicateException e) {
            throw ApiException.conflict("User '" + userId + "' is already in team '" + teamId
                    + "'; change their role with PATCH");
        }
    }

    private MembershipStore.Row require(Context ctx) {
        String teamId = teams.require(ctx.pathParam("teamId")).id();
        String userId = users.require(ctx.pathParam("userId")).id();
        return teamUsers.find(teamId, userId)
                .orElseThrow(() -> MembershipRoutes.noMembership("User", userId, "Team", teamId));
    }

    private void update(Context ctx) {
        MembershipStore.Row old = require(ctx);
        String role = RoleField.TEAM.require(Json.body(ctx, TeamUserRequest.class).role());
        MembershipStore.Row row = teamUsers.changeRole(old.memberId(), old.targetId(), role)
                .orElseThrow(() -> MembershipRoutes.noMembership("User", old.targetId(), "Team", old.memberId()));
        Json.ok(ctx, "User role has been updated", view(row));
    }

    private void delete(Context ctx) {
        MembershipStore.Row row = require(ctx);
        if (!teamUsers.delete(row.memberId(), row.targetId())) {
            throw MembershipRoutes.noMembership("User", row.targetId(), "Team", row.memberId());
        }
        Json.message(ctx, "User has been removed from the team");
    }

    /** In {@code team_users} the team is the member and the user the target. */
    private static TeamUser view(MembershipStore.Row row) {
        return new TeamUser(row.targetId(), row.role(), ApiJson.timestamp(row.createdAt()));
    }
}

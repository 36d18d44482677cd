package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.model.Team;
import io.tributary.api.model.TeamRequest;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.TeamStore;
import java.util.List;

/** {@code /v1/teams}: list, create, details, update, delete, and removing a team's account role. */
public final class TeamsApi {
    private static final List<String> UPDATABLE = List.of("name", "description", "role");
    private final TeamStore teams;

    public TeamsApi(TeamStore teams) {
        this.teams = teams;
    }

    public void register(Router router) {
        router.get("/v1/teams", ctx -> {
            Paging paging = Paging.of(ctx);
            Json.page(ctx, paging.page(teams.list(paging.skip(), paging.fetch())));
        });
        router.post("/v1/teams", Permission.MANAGE_ACCOUNT, this::create);
        router.get("/v1/teams/{teamId}", ctx -> Json.ok(ctx, require(ctx.pathParam("teamId"))));
        router.patch("/v1/teams/{teamId}", Permission.MANAGE_ACCOUNT, this::update);
        router.delete("/v1/teams/{teamId}", Permission.MANAGE_ACCOUNT, this::delete);
        router.delete("/v1/teams/{teamId}/role", Permission.MANAGE_ACCOUNT, this::removeRole);
    }

    /** The team, or 404 {@code NotFound_Team}. */
    public Team require(String id) {
        return teams.find(id).orElseThrow(() -> ApiException.notFound("Team", id));
    }

    private void create(Context ctx) {
        TeamRequest req = Json.body(ctx, TeamRequest.class);
        String name = TextFields.required("name", req.name(), 256);
        String description = TextFields.optional("description", req.description(), 1024);
        String role = RoleField.ACCOUNT.optional(req.role());
        try {
            Json.created(ctx, "Team has been created", teams.create(name, description, role));
        } catch (Jdbc.DuplicateException e) {
            throw conflict(name);
        }
    }

    /** Absent fields stay; {@code description} is cleared by null or "". */
    private void update(Context ctx) {
        Team old = require(ctx.pathParam("teamId"));
        ObjectNode body = Json.body(ctx);
        TeamRequest req = Json.body(ctx, TeamRequest.class);
        if (UPDATABLE.stream().noneMatch(body::has)) {
            throw ApiException.invalid("Set at least one of 'name', 'description', 'role'");
        }
        String name = req.name() == null ? old.name() : TextFields.required("name", req.name(), 256);
        String description = body.has("description")
                ? TextFields.optional("description", req.description(), 1024) : old.description();
        String role = req.role() == null ? old.role() : RoleField.ACCOUNT.require(req.role());
        try {
            Json.ok(ctx, "Team has been updated", teams.update(new Team(old.id(), name, description, role))
                    .orElseThrow(() -> ApiException.notFound("Team", old.id())));
        } catch (Jdbc.DuplicateException e) {
            throw conflict(name);
        }
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("teamId");
        if (!teams.delete(id)) {
            throw ApiException.notFound("Team", id);
        }
        Json.message(ctx, "Team with id '" + id + "' has been deleted");
    }

    /** The team keeps its users and its group and connection memberships, without an account role. */
    private void removeRole(Context ctx) {
        Team team = require(ctx.pathParam("teamId"));
        teams.update(new Team(team.id(), team.name(), team.description(), null));
        Json.message(ctx, "Team role in account has been removed");
    }

    private static ApiException conflict(String name) {
        return ApiException.conflict("A team named '" + name + "' already exists");
    }
}

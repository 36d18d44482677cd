package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.model.Group;
import io.tributary.api.model.GroupRequest;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.GroupStore;
import io.tributary.server.store.Jdbc;

/** {@code /v1/groups}: list, create, details, rename, delete. */
public final class GroupsApi {
    private final GroupStore groups;

    public GroupsApi(GroupStore groups) {
        this.groups = groups;
    }

    public void register(Router router) {
        router.get("/v1/groups", this::list);
        router.post("/v1/groups", Permission.MANAGE_DESTINATIONS, this::create);
        router.get("/v1/groups/{groupId}", ctx -> Json.ok(ctx, require(ctx.pathParam("groupId"))));
        router.patch("/v1/groups/{groupId}", Permission.MANAGE_DESTINATIONS, this::update);
        router.delete("/v1/groups/{groupId}", Permission.MANAGE_DESTINATIONS, this::delete);
    }

    /** The group, or 404 {@code NotFound_Group}. */
    public Group require(String id) {
        return groups.find(id).orElseThrow(() -> ApiException.notFound("Group", id));
    }

    private void list(Context ctx) {
        Paging paging = Paging.of(ctx);
        Json.page(ctx, paging.page(groups.list(paging.skip(), paging.fetch())));
    }

    private void create(Context ctx) {
        String name = name(Json.body(ctx, GroupRequest.class));
        try {
            Json.created(ctx, "Group has been created", groups.create(name));
        } catch (Jdbc.DuplicateException e) {
            throw ApiException.conflict("A group named '" + name + "' already exists");
        }
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("groupId");
        require(id);
        String name = name(Json.body(ctx, GroupRequest.class));
        try {
            Json.ok(ctx, "Group has been updated", groups.rename(id, name).orElseThrow(() -> ApiException.notFound("Group", id)));
        } catch (Jdbc.DuplicateException e) {
            throw ApiException.conflict("A group named '" + name + "' already exists");
        }
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("groupId");
        if (!groups.delete(id)) {
            throw ApiException.notFound("Group", id);
        }
        Json.message(ctx, "Group with id '" + id + "' has been deleted");
    }

    private static String name(GroupRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.required("name");
        }
        if (request.name().length() > 256) {
            throw ApiException.invalid("Field 'name' must be at most 256 characters");
        }
        return request.name().trim();
    }
}

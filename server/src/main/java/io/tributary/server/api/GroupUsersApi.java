package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.model.GroupUserRequest;
import io.tributary.api.model.User;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.MembershipStore;
import io.tributary.server.store.UserStore;

/**
 * {@code /v1/groups/{groupId}/users}: the group's side of users' group memberships (the same records as
 * {@code /v1/users/{userId}/groups}). Users are added by email.
 */
public final class GroupUsersApi {
    private final UserStore userStore;
    private final MembershipStore userGroups;
    private final GroupsApi groups;
    private final UsersApi users;

    public GroupUsersApi(UserStore userStore, MembershipStore userGroups, GroupsApi groups, UsersApi users) {
        this.userStore = userStore;
        this.userGroups = userGroups;
        this.groups = groups;
        this.users = users;
    }

    public void register(Router router) {
        router.get("/v1/groups/{groupId}/users", this::list);
        router.post("/v1/groups/{groupId}/users", Permission.MANAGE_ACCOUNT, this::add);
        router.delete("/v1/groups/{groupId}/users/{userId}", Permission.MANAGE_ACCOUNT, this::remove);
    }

    private void list(Context ctx) {
        String groupId = groups.require(ctx.pathParam("groupId")).id();
        Boolean active = UsersApi.activeFilter(ctx);
        Paging paging = Paging.of(ctx);
        Json.page(ctx, paging.page(userStore.listInGroup(groupId, active, paging.skip(), paging.fetch())));
    }

    private void add(Context ctx) {
        String groupId = groups.require(ctx.pathParam("groupId")).id();
        GroupUserRequest req = Json.body(ctx, GroupUserRequest.class);
        String email = TextFields.required("email", req.email(), 320);
        String role = RoleField.GROUP.require(req.role());
        User user = users.requireByEmail(email);
        try {
            userGroups.add(user.id(), groupId, role);
        } catch (Jdbc.DuplicateException e) {
            throw ApiException.conflict("User '" + user.id() + "' is already in group '" + groupId
                    + "'; change their role with PATCH /v1/users/" + user.id() + "/groups/" + groupId);
        }
        Json.message(ctx, "User has been added to the group");
    }

    private void remove(Context ctx) {
        String groupId = groups.require(ctx.pathParam("groupId")).id();
        String userId = users.require(ctx.pathParam("userId")).id();
        if (!userGroups.delete(userId, groupId)) {
            throw MembershipRoutes.noMembership("User", userId, "Group", groupId);
        }
        Json.message(ctx, "User with id '" + userId + "' has been removed from the group");
    }
}

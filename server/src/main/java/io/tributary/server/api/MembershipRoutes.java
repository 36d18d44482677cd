package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.ApiJson;
import io.tributary.api.model.Membership;
import io.tributary.api.model.MembershipRequest;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.MembershipStore;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One member kind's memberships in one target kind, e.g. users in groups: {@code GET|POST /v1/users/{userId}/groups}
 * and {@code GET|PATCH|DELETE /v1/users/{userId}/groups/{groupId}}. Memberships are {@code {id, role, created_at}}
 * with the group's or connection's id.
 */
final class MembershipRoutes {
    /** Who holds memberships: {@code path} is the member's own path, {@code require} 404s an unknown one. */
    record Member(String path, String param, String noun, Consumer<String> require) {
    }

    /** What memberships are in: {@code segment} is "groups" or "connections". */
    record Target(String segment, String param, String noun, RoleField role, Consumer<String> require) {
    }

    /** What PATCH and DELETE answer: the definition differs by operation (message only, or the membership too). */
    enum Answer { MESSAGE, MEMBERSHIP }

    private final Member member;
    private final Target target;
    private final MembershipStore store;
    private final Answer onUpdate;
    private final Answer onDelete;

    MembershipRoutes(Member member, Target target, MembershipStore store, Answer onUpdate, Answer onDelete) {
        this.member = member;
        this.target = target;
        this.store = store;
        this.onUpdate = onUpdate;
        this.onDelete = onDelete;
    }

    void register(Router router) {
        String all = member.path() + "/" + target.segment();
        String one = all + "/{" + target.param() + "}";
        router.get(all, this::list);
        router.post(all, Permission.MANAGE_ACCOUNT, this::add);
        router.get(one, ctx -> Json.ok(ctx, view(require(ctx))));
        router.patch(one, Permission.MANAGE_ACCOUNT, this::update);
        router.delete(one, Permission.MANAGE_ACCOUNT, this::delete);
    }

    /** 404 {@code NotFound_Membership}: both sides exist, but not the membership. */
    static ApiException noMembership(String memberNoun, String memberId, String targetNoun, String targetId) {
        return new ApiException(404, "NotFound_Membership", memberNoun + " '" + memberId + "' has no membership in "
                + targetNoun.toLowerCase(Locale.ROOT) + " '" + targetId + "'");
    }

    private String memberId(Context ctx) {
        String id = ctx.pathParam(member.param());
        member.require().accept(id);
        return id;
    }

    private void list(Context ctx) {
        String memberId = memberId(ctx);
        Paging paging = Paging.of(ctx);
        Json.page(ctx, paging.page(store.list(memberId, paging.skip(), paging.fetch()).stream()
                .map(MembershipRoutes::view).toList()));
    }

    private void add(Context ctx) {
        String memberId = memberId(ctx);
        MembershipRequest req = Json.body(ctx, MembershipRequest.class);
        if (req.id() == null || req.id().isBlank()) {
            throw ApiException.required("id");
        }
        String role = target.role().require(req.role());
        target.require().accept(req.id());
        try {
            MembershipStore.Row row = store.add(memberId, req.id(), role);
            Json.created(ctx, target.noun() + " membership has been created", view(row));
        } catch (Jdbc.DuplicateException e) {
            throw ApiException.conflict(member.noun() + " '" + memberId + "' already has a membership in "
                    + target.noun().toLowerCase(Locale.ROOT) + " '" + req.id() + "'; change its role with PATCH");
        }
    }

    private MembershipStore.Row require(Context ctx) {
        String memberId = memberId(ctx);
        String targetId = ctx.pathParam(target.param());
        target.require().accept(targetId);
        return store.find(memberId, targetId)
                .orElseThrow(() -> noMembership(member.noun(), memberId, target.noun(), targetId));
    }

    private void update(Context ctx) {
        MembershipStore.Row old = require(ctx);
        String role = target.role().require(Json.body(ctx, MembershipRequest.class).role());
        MembershipStore.Row row = store.changeRole(old.memberId(), old.targetId(), role)
                .orElseThrow(() -> noMembership(member.noun(), old.memberId(), target.noun(), old.targetId()));
        answer(ctx, onUpdate, target.noun() + " membership has been updated", row);
    }

    private void delete(Context ctx) {
        MembershipStore.Row row = require(ctx);
        if (!store.delete(row.memberId(), row.targetId())) {
            throw noMembership(member.noun(), row.memberId(), target.noun(), row.targetId());
        }
        answer(ctx, onDelete, target.noun() + " membership has been deleted", row);
    }

    private static void answer(Context ctx, Answer answer, String message, MembershipStore.Row row) {
        if (answer == Answer.MEMBERSHIP) {
            Json.ok(ctx, message, view(row));
        } else {
            Json.message(ctx, message);
        }
    }

    private static Membership view(MembershipStore.Row row) {
        return new Membership(row.targetId(), row.role(), ApiJson.timestamp(row.createdAt()));
    }
}

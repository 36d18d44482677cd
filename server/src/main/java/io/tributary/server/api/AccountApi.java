package io.tributary.server.api;

import io.tributary.api.Page;
import io.tributary.api.model.AccountInfo;
import io.tributary.api.model.Role;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /v1/account/info} and {@code GET /v1/roles}. */
public final class AccountApi {
    private final String accountId;
    private final String accountName;

    public AccountApi(String accountId, String accountName) {
        this.accountId = accountId;
        this.accountName = accountName;
    }

    public void register(Router router) {
        router.get("/v1/account/info", ctx -> Json.ok(ctx,
                new AccountInfo(accountId, accountName, null, Router.caller(ctx).key())));
        router.get("/v1/roles", ctx -> {
            Paging paging = Paging.of(ctx);
            List<Role> roles = new ArrayList<>();
            for (io.tributary.server.auth.Role r : io.tributary.server.auth.Role.values()) {
                roles.add(new Role(r.title(), r.description(), List.of(r.scope()), false, false, null));
            }
            List<Role> window = roles.subList(Math.min(paging.skip(), roles.size()),
                    Math.min(paging.skip() + paging.fetch(), roles.size()));
            Page<Role> page = paging.page(new ArrayList<>(window));
            Json.page(ctx, page);
        });
    }
}

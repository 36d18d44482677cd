package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /cursors/time_window?from=&to=&offset=&limit=}: the users updated in the window {@code (from, to]},
 * ordered by {@code updatedAt} (then creation), a page at a time. For the time-window cursor example, which asks
 * for one bounded window after another.
 */
final class TimeWindowApi {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private final UserStore users;

    TimeWindowApi(UserStore users) {
        this.users = users;
    }

    void register(RoutesConfig routes) {
        routes.get("/cursors/time_window", this::window);
    }

    private void window(Context ctx) {
        Instant from = required(ctx, "from");
        Instant to = required(ctx, "to");
        if (!from.isBefore(to)) {
            throw ApiError.badRequest("from must be before to");
        }
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<UserStore.User> inWindow = new ArrayList<>();
        for (UserStore.User u : users.current()) {
            if (u.updatedAt().isAfter(from) && !u.updatedAt().isAfter(to)) {
                inWindow.add(u);
            }
        }
        inWindow.sort(Comparator.comparing(UserStore.User::updatedAt).thenComparingInt(UserStore.User::seq));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", UsersApi.slice(inWindow, offset, limit));
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("total", inWindow.size());
        Responder.json(ctx, body);
    }

    private static Instant required(Context ctx, String name) {
        Instant value = Params.instant(ctx, name);
        if (value == null) {
            throw ApiError.badRequest(name + " is required (an ISO-8601 timestamp)");
        }
        return value;
    }
}

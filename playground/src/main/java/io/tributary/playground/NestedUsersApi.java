package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /nested/users?updated_since=&page=&per_page=}: the users with nested JSON, for the data handling
 * patterns example: an {@code address} object (to flatten), an {@code orders} list (to break out into a child
 * table) and a {@code metadata} object whose shape varies from user to user (to keep as a JSON blob). Ordered by
 * {@code updatedAt}; {@code has_more} says whether another page follows.
 */
final class NestedUsersApi {
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 1000;
    private static final List<String> THEMES = List.of("dark", "light", "system");
    private final UserStore users;
    private final DataGenerator gen;

    NestedUsersApi(PlaygroundState state, UserStore users) {
        this.users = users;
        this.gen = new DataGenerator(state.seed);
    }

    void register(RoutesConfig routes) {
        routes.get("/nested/users", this::list);
    }

    private void list(Context ctx) {
        Instant since = Params.instant(ctx, "updated_since");
        int perPage = Params.integer(ctx, "per_page", DEFAULT_PAGE, 1, MAX_PAGE);
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        List<UserStore.User> matching = new ArrayList<>();
        for (UserStore.User u : users.current()) {
            if (since == null || u.updatedAt().isAfter(since)) {
                matching.add(u);
            }
        }
        matching.sort(Comparator.comparing(UserStore.User::updatedAt).thenComparingInt(UserStore.User::seq));
        List<Map<String, Object>> data = new ArrayList<>();
        long first = (long) (page - 1) * perPage;
        for (long i = first; i < matching.size() && data.size() < perPage; i++) {
            data.add(nested(matching.get((int) i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("page", page);
        body.put("per_page", perPage);
        body.put("has_more", first + perPage < matching.size());
        Responder.json(ctx, body);
    }

    private Map<String, Object> nested(UserStore.User u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", u.id());
        out.put("name", u.fields().get("name"));
        out.put("email", u.fields().get("email"));
        out.put("address", address((String) u.fields().get("address")));
        out.put("orders", orders(u));
        out.put("metadata", metadata(u));
        out.put("updatedAt", u.updatedAt().toString());
        return out;
    }

    /** "2665 Hill Street, Tucson, AZ" as {street, city, state}; the address changes when the user is updated. */
    private static Map<String, Object> address(String line) {
        String[] parts = line.split(", ");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("street", parts[0]);
        a.put("city", parts.length > 1 ? parts[1] : null);
        a.put("state", parts.length > 2 ? parts[2] : null);
        return a;
    }

    /** 1 to 4 orders per user, fixed for the user's life; placed after the user was created. */
    private List<Map<String, Object>> orders(UserStore.User u) {
        int count = gen.intBetween(1, 4, "nested-orders", u.seq());
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("order_id", gen.uuid("nested-order", u.seq(), k));
            o.put("amount", gen.money(10, 500, "nested-amount", u.seq(), k));
            o.put("placed_at", u.createdAt().plus(Duration.ofMinutes(k)).toString());
            orders.add(o);
        }
        return orders;
    }

    /** Preferences and history for everyone; some users also carry keys the others lack. */
    private Map<String, Object> metadata(UserStore.User u) {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("theme", gen.pick(THEMES, "nested-theme", u.seq()));
        preferences.put("notifications", Seeded.unit(gen.seed(), "nested-notify", u.seq()) < 0.5);
        List<String> history = new ArrayList<>();
        int events = gen.intBetween(1, 3, "nested-history", u.seq());
        for (int k = 0; k < events; k++) {
            history.add(gen.sentence(4, "nested-event", u.seq(), k));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preferences", preferences);
        m.put("history", history);
        if (u.seq() % 3 == 0) {
            m.put("beta_features", List.of(gen.word("nested-beta", u.seq()), gen.word("nested-beta2", u.seq())));
        }
        if (u.seq() % 5 == 0) {
            m.put("limits", Map.of("daily_exports", gen.intBetween(1, 50, "nested-limit", u.seq())));
        }
        return m;
    }
}

package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users with every pagination style of the fivetran-api-playground ({@code /pagination/*}) and the
 * incremental-sync endpoints ({@code /incremental/*}). Records carry {@code updatedAt}; {@code updated_since}
 * (and {@code since}) keep only records updated strictly after the given instant.
 */
final class UsersApi {
    private static final int DEFAULT_PAGE = 10;
    private static final int MAX_PAGE = 1000;
    private final UserStore users;
    private final PlaygroundState state;

    UsersApi(PlaygroundState state, UserStore users) {
        this.state = state;
        this.users = users;
    }

    void register(RoutesConfig routes) {
        routes.get("/pagination/page_number", this::pageNumber);
        routes.get("/pagination/offset", this::offset);
        routes.get("/pagination/next_page_url", ctx -> nextPageUrl(ctx, false));
        routes.get("/pagination/link_header", ctx -> nextPageUrl(ctx, true));
        routes.get("/pagination/keyset", this::keyset);
        routes.get("/pagination/scroll_token", this::scrollToken);
        routes.get("/incremental/timestamp", this::timestamp);
        routes.get("/incremental/step", this::step);
    }

    private void pageNumber(Context ctx) {
        List<UserStore.User> all = filteredAndSorted(ctx);
        int perPage = Params.integer(ctx, "per_page", DEFAULT_PAGE, 1, MAX_PAGE);
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int totalPages = (all.size() + perPage - 1) / perPage;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", slice(all, (long) (page - 1) * perPage, perPage));
        body.put("page", page);
        body.put("page_size", perPage);
        body.put("total_pages", totalPages);
        body.put("total_items", all.size());
        Responder.json(ctx, body);
    }

    private void offset(Context ctx) {
        List<UserStore.User> all = filteredAndSorted(ctx);
        int limit = Params.integer(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", slice(all, offset, limit));
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("total", all.size());
        Responder.json(ctx, body);
    }

    private void nextPageUrl(Context ctx, boolean inLinkHeader) {
        List<UserStore.User> all = filteredAndSorted(ctx);
        int perPage = Params.integer(ctx, "per_page", DEFAULT_PAGE, 1, MAX_PAGE);
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        boolean more = (long) page * perPage < all.size();
        String next = more ? linkTo(ctx, page + 1, perPage) : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", slice(all, (long) (page - 1) * perPage, perPage));
        body.put("total_items", all.size());
        body.put("page", page);
        body.put("per_page", perPage);
        if (inLinkHeader) {
            if (next != null) {
                ctx.header("Link", "<" + next + ">; rel=\"next\"");
            }
        } else {
            body.put("next_page_url", next);
        }
        Responder.json(ctx, body);
    }

    /** The same request with another page: every query parameter (faults included) is kept. */
    private static String linkTo(Context ctx, int page, int perPage) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("page", String.valueOf(page));
        params.put("per_page", String.valueOf(perPage));
        ctx.queryParamMap().forEach((k, v) -> {
            if (!params.containsKey(k) && !v.isEmpty()) {
                params.put(k, v.get(0));
            }
        });
        StringBuilder sb = new StringBuilder(Params.baseUrl(ctx)).append(ctx.path()).append('?');
        params.forEach((k, v) -> sb.append(Params.encode(k)).append('=').append(Params.encode(v)).append('&'));
        return sb.substring(0, sb.length() - 1);
    }

    /** Keyset: the cursor is the (updatedAt, seq) of the last record sent, so changes between pages are safe. */
    private void keyset(Context ctx) {
        String scroll = ctx.queryParam("scroll_param");
        Instant since = Params.instant(ctx, "updated_since");
        long afterSecond = Long.MIN_VALUE;
        int afterSeq = -1;
        int perPage = Params.integer(ctx, "per_page", DEFAULT_PAGE, 1, MAX_PAGE);
        if (scroll != null && !scroll.isBlank()) {
            String[] k = decode(scroll, "k1", 4);
            afterSecond = Long.parseLong(k[1]);
            afterSeq = Integer.parseInt(k[2]);
            if (ctx.queryParam("per_page") == null) {
                perPage = clampPage(Integer.parseInt(k[3]));
            }
        }
        List<UserStore.User> matching = new ArrayList<>();
        for (UserStore.User u : byUpdatedAt(users.current())) {
            long t = u.updatedAt().getEpochSecond();
            boolean afterCursor = t > afterSecond || (t == afterSecond && u.seq() > afterSeq);
            if (afterCursor && (since == null || u.updatedAt().isAfter(since))) {
                matching.add(u);
            }
        }
        List<Map<String, Object>> page = slice(matching, 0, perPage);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page);
        if (matching.size() > perPage) {
            UserStore.User last = matching.get(perPage - 1);
            body.put("scroll_param", encode("k1", last.updatedAt().getEpochSecond(), last.seq(), perPage));
        }
        Responder.json(ctx, body);
    }

    /**
     * Scroll token: the first call opens a snapshot of the current day; the opaque token names the snapshot and
     * position. The last page carries no token (the scroll is cleared).
     */
    private void scrollToken(Context ctx) {
        String scroll = ctx.queryParam("scroll_param");
        int day = state.day();
        int offset = 0;
        int perPage = Params.integer(ctx, "per_page", DEFAULT_PAGE, 1, MAX_PAGE);
        if (scroll != null && !scroll.isBlank()) {
            String[] s = decode(scroll, "s1", 5);
            day = Integer.parseInt(s[1]);
            offset = Integer.parseInt(s[2]);
            perPage = clampPage(Integer.parseInt(s[3]));
            if (!s[4].equals(signature(day, offset, perPage))) {
                throw invalidScroll();
            }
        }
        List<UserStore.User> snapshot = users.on(day);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", slice(snapshot, offset, perPage));
        int next = offset + perPage;
        body.put("scroll_param", next < snapshot.size() ? encode("s1", day, next, perPage,
                signature(day, next, perPage)) : null);
        Responder.json(ctx, body);
    }

    private void timestamp(Context ctx) {
        Instant since = Params.instant(ctx, "since");
        int limit = Params.integer(ctx, "limit", 100, 1, MAX_PAGE);
        List<Map<String, Object>> data = new ArrayList<>();
        for (UserStore.User u : byUpdatedAt(users.current())) {
            if (data.size() < limit && (since == null || u.updatedAt().isAfter(since))) {
                data.add(u.fields());
            }
        }
        Responder.json(ctx, Map.of("data", data));
    }

    /** Step: users whose creation number (1-based) is in [start_id, end_id]; the ids stay UUIDs. */
    private void step(Context ctx) {
        int start = Params.integer(ctx, "start_id", 1, 1, Integer.MAX_VALUE);
        int end = Params.integer(ctx, "end_id", start + 999, start, Integer.MAX_VALUE);
        if (end - start >= 10_000) {
            throw ApiError.badRequest("end_id - start_id must be below 10000");
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (UserStore.User u : users.current()) {
            if (u.seq() >= start && u.seq() <= end) {
                data.add(u.fields());
            }
        }
        Responder.json(ctx, Map.of("data", data));
    }

    private List<UserStore.User> filteredAndSorted(Context ctx) {
        Instant since = Params.instant(ctx, "updated_since");
        String orderBy = Params.string(ctx, "order_by", "updatedAt");
        String orderType = Params.string(ctx, "order_type", "asc");
        Comparator<UserStore.User> cmp = comparator(orderBy);
        if (orderType.equalsIgnoreCase("desc")) {
            cmp = cmp.reversed();
        } else if (!orderType.equalsIgnoreCase("asc")) {
            throw ApiError.badRequest("order_type must be asc or desc");
        }
        List<UserStore.User> out = new ArrayList<>();
        for (UserStore.User u : users.current()) {
            if (since == null || u.updatedAt().isAfter(since)) {
                out.add(u);
            }
        }
        out.sort(cmp);
        return out;
    }

    private static Comparator<UserStore.User> comparator(String orderBy) {
        Comparator<UserStore.User> bySeq = Comparator.comparingInt(UserStore.User::seq);
        switch (orderBy) {
            case "updatedAt":
                return Comparator.comparing(UserStore.User::updatedAt).thenComparing(bySeq);
            case "createdAt":
                return Comparator.comparing(UserStore.User::createdAt).thenComparing(bySeq);
            case "id":
                return Comparator.comparing(UserStore.User::id);
            case "name":
                return Comparator.comparing((UserStore.User u) -> (String) u.fields().get("name")).thenComparing(bySeq);
            default:
                throw ApiError.badRequest("order_by must be one of updatedAt, createdAt, id, name");
        }
    }

    private static List<UserStore.User> byUpdatedAt(List<UserStore.User> all) {
        List<UserStore.User> sorted = new ArrayList<>(all);
        sorted.sort(comparator("updatedAt"));
        return sorted;
    }

    static List<Map<String, Object>> slice(List<UserStore.User> all, long from, int count) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (long i = Math.max(0, from); i < all.size() && out.size() < count; i++) {
            out.add(all.get((int) i).fields());
        }
        return out;
    }

    private static int clampPage(int perPage) {
        return Math.max(1, Math.min(MAX_PAGE, perPage));
    }

    private String signature(int day, int offset, int perPage) {
        return Seeded.hex(state.seed, "scroll", day, offset, perPage).substring(0, 10);
    }

    private static String encode(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(sb.length() == 0 ? "" : ":").append(p);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String token, String kind, int fields) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8).split(":");
            if (parts.length != fields || !parts[0].equals(kind)) {
                throw invalidScroll();
            }
            int numeric = kind.equals("s1") ? fields - 1 : fields; // a scroll token ends with its signature
            for (int i = 1; i < numeric; i++) {
                Long.parseLong(parts[i]);
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw invalidScroll();
        }
    }

    private static ApiError invalidScroll() {
        return new ApiError(400, Map.of("error", "invalid_scroll_param", "message",
                "scroll_param is not a token issued by this endpoint"));
    }
}

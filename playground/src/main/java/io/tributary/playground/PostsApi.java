package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSONPlaceholder-like posts: {@code GET /jsonplaceholder/posts} answers a bare JSON array of
 * {@code {"userId","id","title","body"}}, all of them, or a slice with JSONPlaceholder's {@code _start} (offset)
 * and {@code _limit}. 100 posts on day 0 (10 users with 10 posts each), 5 more every day; posts never change.
 * The same list behind a bearer key is under {@code /jsonplaceholder/bearer}, for examples with a connection test.
 */
final class PostsApi {
    static final int DAY0_POSTS = 100;
    static final int NEW_POSTS_PER_DAY = 5;
    private final PlaygroundState state;
    private final DataGenerator data;

    PostsApi(PlaygroundState state) {
        this.state = state;
        this.data = new DataGenerator(state.seed);
    }

    void register(RoutesConfig routes) {
        routes.get("/jsonplaceholder/posts", this::posts);
        routes.get("/jsonplaceholder/bearer", ctx -> {
            requireKey(ctx);
            Responder.json(ctx, Map.of("status", "ok", "resources", List.of("posts")));
        });
        routes.get("/jsonplaceholder/bearer/posts", ctx -> {
            requireKey(ctx);
            posts(ctx);
        });
    }

    private void posts(Context ctx) {
        int total = DAY0_POSTS + NEW_POSTS_PER_DAY * state.day();
        int start = Params.integer(ctx, "_start", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "_limit", total, 0, Integer.MAX_VALUE);
        List<Map<String, Object>> out = new ArrayList<>();
        for (long id = start + 1L; id <= Math.min(total, (long) start + limit); id++) {
            out.add(post((int) id));
        }
        Responder.json(ctx, out);
    }

    private Map<String, Object> post(int id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("userId", (id - 1) / 10 + 1);
        p.put("id", id);
        p.put("title", data.phrase(3 + id % 4, "post-title", id));
        p.put("body", data.sentence(8, "post-body-1", id) + "\n" + data.sentence(10, "post-body-2", id));
        return p;
    }

    private static void requireKey(Context ctx) {
        if (!("Bearer " + Credentials.API_KEY).equals(ctx.header("Authorization"))) {
            throw new ApiError(401, Map.of("error", "unauthorized",
                    "message", "send Authorization: Bearer <api key>"));
        }
    }
}

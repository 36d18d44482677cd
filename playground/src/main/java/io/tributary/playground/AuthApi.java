package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authentication examples' endpoints ({@code /auth/*}): the user list behind an API key, HTTP basic, a static
 * bearer token, or a session token obtained from a login call. Wrong or missing credentials get 401.
 */
final class AuthApi {
    private final PlaygroundState state;
    private final UserStore users;

    AuthApi(PlaygroundState state, UserStore users) {
        this.state = state;
        this.users = users;
    }

    void register(RoutesConfig routes) {
        routes.get("/auth/api_key", ctx -> guarded(ctx, "apiKey " + Credentials.API_KEY));
        routes.get("/auth/http_basic", ctx -> guarded(ctx, "Basic " + Base64.getEncoder().encodeToString(
                (Credentials.USERNAME + ":" + Credentials.PASSWORD).getBytes(StandardCharsets.UTF_8))));
        routes.get("/auth/http_bearer", ctx -> guarded(ctx, "Bearer " + Credentials.BEARER_TOKEN));
        routes.post("/auth/session_token/login", this::login);
        routes.get("/auth/session_token/data", this::sessionData);
    }

    private void guarded(Context ctx, String expectedAuthorization) {
        String given = ctx.header("Authorization");
        if (given == null || !given.trim().equals(expectedAuthorization)) {
            throw unauthorized();
        }
        Responder.json(ctx, Map.of("data", allUsers()));
    }

    private void login(Context ctx) {
        Map<?, ?> body = parseBody(ctx);
        if (!Credentials.USERNAME.equals(body.get("username")) || !Credentials.PASSWORD.equals(body.get("password"))) {
            throw unauthorized();
        }
        String token = state.tokens.issue("session", state.tokenTtl());
        Responder.json(ctx, Map.of("token", token, "expires_in", state.tokenTtl().toSeconds()));
    }

    private void sessionData(Context ctx) {
        String auth = ctx.header("Authorization");
        String token = auth != null && auth.startsWith("Token ") ? auth.substring(6).trim() : null;
        TokenStore.Status status = state.tokens.check(token);
        if (status != TokenStore.Status.VALID) {
            throw new ApiError(401, Map.of("error", status == TokenStore.Status.EXPIRED ? "token_expired"
                    : "invalid_token"));
        }
        if (ctx.queryParam("page") == null && ctx.queryParam("per_page") == null) {
            Responder.json(ctx, Map.of("data", allUsers()));
            return;
        }
        // Optional pages, so a sync makes several requests and a session can expire between them.
        List<Map<String, Object>> all = allUsers();
        int perPage = Params.integer(ctx, "per_page", 10, 1, 1000);
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int from = (int) Math.min(all.size(), (long) (page - 1) * perPage);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", all.subList(from, Math.min(all.size(), from + perPage)));
        body.put("page", page);
        body.put("per_page", perPage);
        body.put("total_pages", (all.size() + perPage - 1) / perPage);
        body.put("total_items", all.size());
        Responder.json(ctx, body);
    }

    private List<Map<String, Object>> allUsers() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (UserStore.User u : users.current()) {
            out.add(u.fields());
        }
        return out;
    }

    static Map<?, ?> parseBody(Context ctx) {
        try {
            Object parsed = Responder.MAPPER.readValue(ctx.bodyAsBytes(), Object.class);
            if (parsed instanceof Map) {
                return (Map<?, ?>) parsed;
            }
        } catch (java.io.IOException e) {
            // fall through to the 400 below
        }
        throw ApiError.badRequest("body must be a JSON object");
    }

    private static ApiError unauthorized() {
        return new ApiError(401, Map.of("error", "unauthorized", "message", "missing or wrong credentials"));
    }
}

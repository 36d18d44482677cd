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
 * An OAuth2 token endpoint ({@code POST /oauth/token}, also at HubSpot's {@code /hubspot/oauth/v1/token}) with the
 * client_credentials and refresh_token grants, and HubSpot-shaped contacts and companies that need its access
 * tokens. Tokens expire after the playground's token TTL; an expired, unknown or missing token gets 401.
 */
final class OAuthApi {
    private final PlaygroundState state;
    private final DataGenerator gen;
    private final Evolution contacts;
    private final Evolution companies;

    OAuthApi(PlaygroundState state) {
        this.state = state;
        this.gen = new DataGenerator(state.seed);
        this.contacts = new Evolution(state, new Evolution.Spec("hubspot-contacts", 120, 5, 8, 0, 60));
        this.companies = new Evolution(state, new Evolution.Spec("hubspot-companies", 60, 2, 3, 0, 60));
    }

    void register(RoutesConfig routes) {
        routes.post("/oauth/token", this::token);
        routes.post("/hubspot/oauth/v1/token", this::token);
        routes.get("/hubspot/contacts/v1/lists/all/contacts/all", this::contacts);
        routes.get("/hubspot/companies/v2/companies/paged", this::companies);
    }

    private void token(Context ctx) {
        String grant = param(ctx, "grant_type");
        String[] client = clientCredentials(ctx);
        if (!Credentials.CLIENT_ID.equals(client[0]) || !Credentials.CLIENT_SECRET.equals(client[1])) {
            throw new ApiError(401, Map.of("error", "invalid_client", "error_description",
                    "unknown client_id or wrong client_secret"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if ("client_credentials".equals(grant)) {
            body.put("access_token", state.tokens.issue("oauth", state.tokenTtl()));
        } else if ("refresh_token".equals(grant)) {
            String refresh = param(ctx, "refresh_token");
            if (!Credentials.REFRESH_TOKEN.equals(refresh)) {
                throw new ApiError(400, Map.of("error", "invalid_grant", "error_description",
                        "refresh token is missing or invalid"));
            }
            body.put("access_token", state.tokens.issue("oauth", state.tokenTtl()));
            body.put("refresh_token", refresh);
        } else {
            throw new ApiError(400, Map.of("error", "unsupported_grant_type", "error_description",
                    "grant_type must be client_credentials or refresh_token"));
        }
        body.put("token_type", "bearer");
        body.put("expires_in", state.tokenTtl().toSeconds());
        Responder.json(ctx, body);
    }

    private void contacts(Context ctx) {
        requireBearer(ctx);
        int count = Params.integer(ctx, "count", 20, 1, 100);
        int vidOffset = Params.integer(ctx, "vidOffset", 0, 0, Integer.MAX_VALUE);
        List<Map<String, Object>> page = new ArrayList<>();
        int lastVid = vidOffset;
        boolean more = false;
        for (Evolution.Entity e : contacts.alive(state.day())) {
            int vid = 1000 + e.index() + 1;
            if (vid <= vidOffset) {
                continue;
            }
            if (page.size() == count) {
                more = true;
                break;
            }
            page.add(contact(e, vid));
            lastVid = vid;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contacts", page);
        body.put("has-more", more);
        body.put("vid-offset", lastVid);
        Responder.json(ctx, body);
    }

    private void companies(Context ctx) {
        requireBearer(ctx);
        int limit = Params.integer(ctx, "limit", 100, 1, 250);
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Map<String, Object>> page = new ArrayList<>();
        int last = offset;
        boolean more = false;
        for (Evolution.Entity e : companies.alive(state.day())) {
            int companyId = 5000 + e.index() + 1;
            if (companyId <= offset) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            Map<String, Object> name = new LinkedHashMap<>();
            name.put("value", gen.company("hubspot-company", e.index(), e.version()));
            name.put("timestamp", e.updatedAt().toEpochMilli());
            name.put("source", "API");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("portalId", 62515);
            row.put("companyId", companyId);
            row.put("isDeleted", false);
            row.put("properties", Map.of("name", name));
            page.add(row);
            last = companyId;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companies", page);
        body.put("has-more", more);
        body.put("offset", last);
        Responder.json(ctx, body);
    }

    private Map<String, Object> contact(Evolution.Entity e, int vid) {
        String first = gen.firstName("hubspot-contact", e.index());
        String last = gen.lastName("hubspot-contact", e.index());
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("firstname", Map.of("value", first));
        props.put("lastname", Map.of("value", last));
        props.put("company", Map.of("value", gen.company("hubspot-contact", e.index(), e.version())));
        props.put("lastmodifieddate", Map.of("value", String.valueOf(e.updatedAt().toEpochMilli())));
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("type", "EMAIL");
        email.put("value", (first + "." + last + vid).toLowerCase() + "@example.com");
        email.put("timestamp", e.createdAt().toEpochMilli());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("vid", vid);
        profile.put("identities", List.of(email));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("vid", vid);
        row.put("canonical-vid", vid);
        row.put("portal-id", 62515);
        row.put("is-contact", true);
        row.put("addedAt", e.createdAt().toEpochMilli());
        row.put("properties", props);
        row.put("identity-profiles", List.of(profile));
        return row;
    }

    private void requireBearer(Context ctx) {
        TokenStore.Status status = state.tokens.check(TokenStore.bearer(ctx.header("Authorization")));
        if (status == TokenStore.Status.VALID) {
            return;
        }
        boolean expired = status == TokenStore.Status.EXPIRED;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", expired ? "The OAuth token used to make this call expired." : "Authentication credentials"
                + " not found or invalid.");
        body.put("category", expired ? "EXPIRED_AUTHENTICATION" : "INVALID_AUTHENTICATION");
        throw new ApiError(401, body);
    }

    /** A form field, or the same name in the query string (HubSpot's example sends the grant in the URL). */
    static String param(Context ctx, String name) {
        String v = null;
        String type = ctx.contentType();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            v = ctx.formParam(name);
        }
        return v != null ? v : ctx.queryParam(name);
    }

    /** client_id and client_secret from the Basic header or from the parameters. */
    static String[] clientCredentials(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    return new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
                }
            } catch (IllegalArgumentException ignored) {
                // not base64: fall back to the parameters
            }
        }
        return new String[] {param(ctx, "client_id"), param(ctx, "client_secret")};
    }
}

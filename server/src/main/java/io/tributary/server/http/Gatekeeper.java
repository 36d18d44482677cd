package io.tributary.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.ApiKeys.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs before every API request: content negotiation (406, 415; JSON everywhere but package uploads and
 * downloads), HTTP Basic authentication (401), and the account's rate limit (429 with {@code Retry-After};
 * {@code X-Rate-Limit} headers on every response).
 */
public final class Gatekeeper {
    public static final String CALLER = "tributary.caller";
    /** Where writes take multipart/form-data uploads (and downloads answer zips): Connector SDK packages. */
    private static final String UPLOADS = "/v1/connector-sdk/packages";
    private final ApiKeys keys;
    private final RequestBudget limiter;

    public Gatekeeper(ApiKeys keys, RequestBudget limiter) {
        this.keys = keys;
        this.limiter = limiter;
    }

    public void check(Context ctx) {
        negotiate(ctx);
        Caller caller = authenticate(ctx).orElseThrow(() -> new ApiException(401, "Unauthorized",
                "Missing or invalid API key: send 'Authorization: Basic base64(api_key:api_secret)'"));
        ctx.attribute(CALLER, caller);
        RequestBudget.Decision d = limiter.acquire();
        ctx.header("X-Rate-Limit", String.valueOf(limiter.perHour()));
        ctx.header("X-Rate-Limit-Remaining", String.valueOf(d.remaining()));
        if (!d.allowed()) {
            ctx.header("Retry-After", String.valueOf(d.retryAfterSeconds()));
            throw new ApiException(429, "TooManyRequests", "Max " + limiter.perHour()
                    + " api calls allowed in one-hour rolling time period; retry after " + d.retryAfterSeconds() + " s");
        }
    }

    private static void negotiate(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && !accept.isBlank() && !acceptable(accept, ctx.path())) {
            throw new ApiException(406, "NotAcceptable",
                    "Use Accept: application/json or Accept: application/json;version=2");
        }
        boolean hasBody = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PATCH
                || ctx.method() == HandlerType.PUT;
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        // Checked before the body is read: reading it would leave nothing for the multipart parser.
        boolean upload = type.startsWith("multipart/form-data") && ctx.path().startsWith(UPLOADS);
        if (hasBody && !type.isBlank() && !type.startsWith("application/json") && !upload && !ctx.body().isBlank()) {
            throw new ApiException(415, "UnsupportedMediaType", "Send request bodies as Content-Type: application/json");
        }
    }

    private static boolean acceptable(String accept, String path) {
        boolean download = path.startsWith(UPLOADS) && path.endsWith("/download");
        for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
            String type = part.split(";")[0].trim();
            if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")
                    || download && (type.equals("application/zip") || type.equals("application/octet-stream"))) {
                return true;
            }
        }
        return false;
    }

    private Optional<Caller> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return keys.verify(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** True when the request wants the v2 shapes (typed config values). */
    public static boolean wantsVersion2(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.replace(" ", "").toLowerCase(Locale.ROOT).contains("version=2");
    }
}

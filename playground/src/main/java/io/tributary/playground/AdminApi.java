package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Control endpoints under {@code /_playground} for clients that are not in the same JVM (the CLI, a Python
 * connector): read and set the day, set or clear faults, expire tokens, reset. Never subject to faults.
 */
final class AdminApi {
    static final String PREFIX = "/_playground";
    private final Playground playground;

    AdminApi(Playground playground) {
        this.playground = playground;
    }

    void register(RoutesConfig routes) {
        routes.get(PREFIX, ctx -> Responder.json(ctx, status()));
        routes.get(PREFIX + "/day", ctx -> Responder.json(ctx, day()));
        routes.put(PREFIX + "/day", this::setDay);
        routes.post(PREFIX + "/day", this::setDay);
        routes.post(PREFIX + "/day/next", ctx -> {
            playground.nextDay();
            Responder.json(ctx, day());
        });
        routes.get(PREFIX + "/faults", ctx -> Responder.json(ctx, faults()));
        routes.put(PREFIX + "/faults", this::setFaults);
        routes.post(PREFIX + "/faults", this::setFaults);
        routes.delete(PREFIX + "/faults", ctx -> {
            playground.clearFaults();
            Responder.json(ctx, faults());
        });
        routes.post(PREFIX + "/tokens/expire", ctx -> {
            playground.expireTokens();
            Responder.json(ctx, Map.of("expired", true));
        });
        routes.post(PREFIX + "/reset", ctx -> {
            playground.reset();
            Responder.json(ctx, status());
        });
    }

    private void setDay(Context ctx) {
        String raw = ctx.queryParam("day");
        if (raw == null) {
            raw = ctx.queryParam("value");
        }
        if (raw == null && !ctx.body().isBlank()) {
            Object day = AuthApi.parseBody(ctx).get("day");
            raw = day == null ? null : day.toString();
        }
        try {
            playground.setDay(Integer.parseInt(String.valueOf(raw).trim()));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("give the day as ?day=N or {\"day\": N} with N >= 0");
        }
        Responder.json(ctx, day());
    }

    private void setFaults(Context ctx) {
        String spec = ctx.queryParam("spec");
        if (spec == null) {
            spec = ctx.body();
        }
        try {
            playground.setFaults(FaultSpec.parse(spec));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, Map.of("error", "bad_fault_spec", "message", e.getMessage()));
        }
        Responder.json(ctx, faults());
    }

    private Map<String, Object> day() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", playground.day());
        m.put("date", playground.today().toString());
        m.put("now", playground.now().toString());
        return m;
    }

    private Map<String, Object> faults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", playground.faults().toString());
        m.put("injected", playground.injectedFaults());
        return m;
    }

    private Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>(day());
        m.put("seed", playground.seed());
        m.put("faults", playground.faults().toString());
        m.put("tokenTtlSeconds", playground.tokenTtl().toSeconds());
        return m;
    }
}

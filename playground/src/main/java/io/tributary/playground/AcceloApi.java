package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Accelo-like API: a client-credentials token at {@code POST /accelo/oauth2/v0/token} and six entities at
 * {@code GET /accelo/api/v0/{companies|invoices|payments|prospects|jobs|staff}} with Accelo's {@code _fields},
 * {@code _filters} ({@code field_after(unix)}, {@code field_before(unix)}), {@code _limit} (max 100),
 * {@code _page} (from 0) and {@code _order_by}. Values are strings and dates unix seconds, as Accelo sends them.
 * Every {@code /accelo} response carries {@code X-RateLimit-Limit/Remaining/Reset}; past the hourly limit, 429.
 */
final class AcceloApi {
    private static final String META_INFO = "https://api.accelo.com/docs/#status-codes";

    private final PlaygroundState state;
    private final DataGenerator gen;
    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Object rateLock = new Object();
    private volatile int rateLimit = 5000;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    /** One entity type: its timeline, the field that incremental filters use, and how to render a record. */
    private record Entity(Evolution evolution, String dateField, BiConsumer<Evolution.Entity, Map<String, Object>>
            fields) {
    }

    AcceloApi(PlaygroundState state) {
        this.state = state;
        this.gen = new DataGenerator(state.seed);
        add("companies", 50, 2, 3, "date_modified", this::company);
        add("invoices", 80, 3, 4, "date_modified", this::invoice);
        add("payments", 60, 3, 0, "date_created", this::payment);
        add("prospects", 40, 1, 2, "date_modified", this::prospect);
        add("jobs", 40, 1, 2, "date_modified", this::job);
        add("staff", 15, 0, 1, "date_modified", this::staff);
    }

    private void add(String name, int initial, int created, int updated, String dateField,
                     BiConsumer<Evolution.Entity, Map<String, Object>> fields) {
        Evolution evolution = new Evolution(state, new Evolution.Spec("accelo-" + name, initial, created, updated, 0,
                180));
        entities.put(name, new Entity(evolution, dateField, fields));
    }

    void setRateLimit(int perHour) {
        this.rateLimit = perHour;
    }

    /** Registered before the fault handler, so faulted responses count and carry the headers too. */
    void registerRateLimit(RoutesConfig routes) {
        routes.before("/accelo/*", this::rateLimit);
    }

    void register(RoutesConfig routes) {
        routes.post("/accelo/oauth2/v0/token", this::token);
        routes.get("/accelo/api/v0/{entity}", this::list);
    }

    private void rateLimit(Context ctx) {
        long now = state.clock.instant().getEpochSecond();
        int remaining;
        long reset;
        synchronized (rateLock) {
            if (now >= windowStart + 3600) {
                windowStart = now;
                used = 0;
            }
            used++;
            remaining = rateLimit - used;
            reset = windowStart + 3600;
        }
        ctx.header("X-RateLimit-Limit", String.valueOf(rateLimit));
        ctx.header("X-RateLimit-Remaining", String.valueOf(Math.max(0, remaining)));
        ctx.header("X-RateLimit-Reset", String.valueOf(reset));
        if (remaining < 0) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, reset - now)));
            ctx.skipRemainingHandlers();
            Responder.json(ctx, 429, meta("rate_limit_exceeded", "Hourly request limit reached"));
        }
    }

    private void token(Context ctx) {
        String[] client = OAuthApi.clientCredentials(ctx);
        if (!"client_credentials".equals(OAuthApi.param(ctx, "grant_type"))) {
            throw new ApiError(400, Map.of("error", "unsupported_grant_type"));
        }
        if (!Credentials.CLIENT_ID.equals(client[0]) || !Credentials.CLIENT_SECRET.equals(client[1])) {
            throw new ApiError(401, Map.of("error", "invalid_client"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", state.tokens.issue("accelo", state.tokenTtl()));
        body.put("token_type", "bearer");
        body.put("expires_in", state.tokenTtl().toSeconds());
        body.put("deployment", "playground");
        body.put("deployment_name", "Playground");
        body.put("deployment_uri", "playground.api.accelo.com");
        body.put("account_id", "1");
        Responder.json(ctx, body);
    }

    private void list(Context ctx) {
        TokenStore.Status status = state.tokens.check(TokenStore.bearer(ctx.header("Authorization")));
        if (status != TokenStore.Status.VALID) {
            throw new ApiError(401, meta(status == TokenStore.Status.EXPIRED ? "expired_token" : "invalid_token",
                    "The access token provided is " + (status == TokenStore.Status.EXPIRED ? "expired" : "invalid")));
        }
        Entity entity = entities.get(ctx.pathParam("entity"));
        if (entity == null) {
            throw new ApiError(404, meta("not_found", "Unknown resource " + ctx.pathParam("entity")));
        }
        List<Filter> filters = filters(ctx.queryParam("_filters"));
        int limit = Params.integer(ctx, "_limit", 10, 1, 100);
        int page = Params.integer(ctx, "_page", 0, 0, Integer.MAX_VALUE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Evolution.Entity e : entity.evolution().alive(state.day())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", String.valueOf(e.index() + 1));
            entity.fields().accept(e, row);
            if (matches(row, filters)) {
                rows.add(row);
            }
        }
        rows.sort(order(ctx.queryParam("_order_by")));
        List<Map<String, Object>> out = new ArrayList<>();
        String fields = ctx.queryParam("_fields");
        for (int i = page * limit; i < rows.size() && out.size() < limit; i++) {
            out.add(project(rows.get(i), fields));
        }
        Map<String, Object> body = new LinkedHashMap<>(meta("ok", "Everything executed as expected."));
        body.put("response", out);
        Responder.json(ctx, body);
    }

    private record Filter(String field, boolean after, long value) {
    }

    private static List<Filter> filters(String raw) {
        List<Filter> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String f : raw.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)_(after|before)\\((-?\\d+)\\)")
                    .matcher(f.trim());
            if (!m.matches()) {
                throw new ApiError(400, meta("invalid_filter", "Unsupported filter '" + f.trim()
                        + "': use field_after(unix) or field_before(unix)"));
            }
            out.add(new Filter(m.group(1), m.group(2).equals("after"), Long.parseLong(m.group(3))));
        }
        return out;
    }

    private static boolean matches(Map<String, Object> row, List<Filter> filters) {
        for (Filter f : filters) {
            Object v = row.get(f.field());
            if (v == null) {
                return false;
            }
            long t = Long.parseLong((String) v);
            if (f.after() ? t <= f.value() : t >= f.value()) {
                return false;
            }
        }
        return true;
    }

    private static Comparator<Map<String, Object>> order(String orderBy) {
        Comparator<Map<String, Object>> byId = Comparator.comparingLong(r -> Long.parseLong((String) r.get("id")));
        if (orderBy == null || orderBy.isBlank() || orderBy.equals("id")) {
            return byId;
        }
        boolean desc = orderBy.endsWith("_desc");
        String field = orderBy.replaceAll("_(asc|desc)$", "");
        Comparator<Map<String, Object>> cmp = Comparator.comparing(r -> sortKey(r.get(field)));
        cmp = cmp.thenComparing(byId);
        return desc ? cmp.reversed() : cmp;
    }

    /** Numbers sort as numbers (dates are unix seconds), everything else as text. */
    private static String sortKey(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        return s.matches("-?\\d+") ? String.format(java.util.Locale.ROOT, "%020d", Long.parseLong(s)) : s;
    }

    private static Map<String, Object> project(Map<String, Object> row, String fields) {
        if (fields == null || fields.isBlank() || fields.equals("_ALL")) {
            return row;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        for (String f : fields.split(",")) {
            String name = f.trim();
            if (row.containsKey(name)) {
                out.put(name, row.get(name));
            }
        }
        return out;
    }

    private static Map<String, Object> meta(String status, String message) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("more_info", META_INFO);
        meta.put("status", status);
        meta.put("message", message);
        return Map.of("meta", meta);
    }

    // ---- records: strings everywhere, as Accelo's JSON has them ----

    private static String unix(Instant t) {
        return t == null ? null : String.valueOf(t.getEpochSecond());
    }

    private String num(int min, int max, Object... parts) {
        return String.valueOf(gen.intBetween(min, max, parts));
    }

    private String money(Object... parts) {
        return String.format(java.util.Locale.ROOT, "%.2f", gen.money(50, 20_000, parts));
    }

    private void company(Evolution.Entity e, Map<String, Object> r) {
        int i = e.index();
        r.put("name", gen.company("accelo-company", i));
        r.put("website", "https://www." + gen.word("accelo-site", i) + (i + 1) + ".example.com");
        r.put("phone", "+1 555 " + num(1000, 9999, "accelo-phone", i));
        r.put("date_created", unix(e.createdAt()));
        r.put("date_modified", unix(e.updatedAt()));
        r.put("date_last_interacted", unix(e.updatedAt()));
        r.put("comments", gen.sentence(6, "accelo-company-comment", i, e.version()));
        r.put("standing", gen.pick(List.of("active", "inactive", "prospect"), "accelo-standing", i, e.version()));
        r.put("status", num(1, 4, "accelo-status", i, e.version()));
        r.put("postal_address", String.valueOf(100 + i));
        r.put("default_affiliation", String.valueOf(200 + i));
    }

    private void invoice(Evolution.Entity e, Map<String, Object> r) {
        int i = e.index();
        double amount = gen.money(100, 20_000, "accelo-invoice-amount", i);
        double paidShare = e.version() == 0 ? 0 : Math.min(1, 0.5 * e.version());
        r.put("subject", "Invoice for " + gen.phrase(2, "accelo-invoice", i));
        r.put("amount", String.format(java.util.Locale.ROOT, "%.2f", amount));
        r.put("against_type", "job");
        r.put("against_id", num(1, 40, "accelo-invoice-job", i));
        r.put("notes", gen.sentence(5, "accelo-invoice-notes", i, e.version()));
        r.put("invoice_number", String.valueOf(1000 + i));
        r.put("currency_id", "1");
        r.put("owner_id", num(1, 15, "accelo-invoice-owner", i));
        r.put("tax", String.format(java.util.Locale.ROOT, "%.2f", amount * 0.1));
        r.put("outstanding", String.format(java.util.Locale.ROOT, "%.2f", amount * 1.1 * (1 - paidShare)));
        r.put("modified_by", num(1, 15, "accelo-invoice-modifier", i, e.version()));
        r.put("date_raised", unix(e.createdAt()));
        r.put("date_due", unix(e.createdAt().plusSeconds(30L * 86_400)));
        r.put("date_modified", unix(e.updatedAt()));
    }

    private void payment(Evolution.Entity e, Map<String, Object> r) {
        int i = e.index();
        r.put("receipt_id", String.valueOf(3000 + i));
        r.put("amount", money("accelo-payment", i));
        r.put("currency_id", "1");
        r.put("method_id", num(1, 3, "accelo-payment-method", i));
        r.put("against_id", num(1, 80, "accelo-payment-invoice", i));
        r.put("against_type", "invoice");
        r.put("date_created", unix(e.createdAt()));
        r.put("created_by_staff_id", num(1, 15, "accelo-payment-staff", i));
        r.put("direction", "in");
        r.put("payment_currency", "1");
        r.put("payment_method", num(1, 3, "accelo-payment-method", i));
        r.put("payment_receipt", String.valueOf(3000 + i));
    }

    private void prospect(Evolution.Entity e, Map<String, Object> r) {
        int i = e.index();
        int weighting = gen.intBetween(10, 90, "accelo-prospect-weight", i, e.version());
        double value = gen.money(1_000, 100_000, "accelo-prospect-value", i);
        r.put("title", DataGenerator.capitalize(gen.phrase(3, "accelo-prospect", i)));
        r.put("date_created", unix(e.createdAt()));
        r.put("date_actioned", unix(e.updatedAt()));
        r.put("date_due", unix(e.createdAt().plusSeconds(60L * 86_400)));
        r.put("date_last_interacted", unix(e.updatedAt()));
        r.put("date_modified", unix(e.updatedAt()));
        r.put("weighting", String.valueOf(weighting));
        r.put("value", String.format(java.util.Locale.ROOT, "%.2f", value));
        r.put("success", e.version() >= 2 ? "yes" : "no");
        r.put("comments", gen.sentence(6, "accelo-prospect-comment", i, e.version()));
        r.put("progress", String.valueOf(Math.min(100, 25 * e.version())));
        r.put("value_weighted", String.valueOf(Math.round(value * weighting / 100)));
        r.put("won_by_id", e.version() >= 2 ? num(1, 15, "accelo-won", i) : "0");
        r.put("cancelled_by_id", "0");
        r.put("abandoned_by_id", "0");
        r.put("contact", num(1, 200, "accelo-prospect-contact", i));
        r.put("manager", num(1, 15, "accelo-prospect-manager", i));
        r.put("prospect_type", num(1, 5, "accelo-prospect-type", i));
        r.put("status", num(1, 4, "accelo-prospect-status", i, e.version()));
        r.put("standing", e.version() >= 2 ? "won" : "pending");
        r.put("prospect_probability", String.valueOf(weighting));
        r.put("affiliation", num(1, 50, "accelo-prospect-affiliation", i));
    }

    private void job(Evolution.Entity e, Map<String, Object> r) {
        int i = e.index();
        r.put("title", DataGenerator.capitalize(gen.phrase(3, "accelo-job", i)));
        r.put("status", num(1, 4, "accelo-job-status", i, e.version()));
        r.put("standing", e.version() >= 2 ? "complete" : "active");
        r.put("date_created", unix(e.createdAt()));
        r.put("date_started", unix(e.createdAt().plusSeconds(86_400)));
        r.put("date_due", unix(e.createdAt().plusSeconds(45L * 86_400)));
        r.put("date_completed", e.version() >= 2 ? unix(e.updatedAt()) : null);
        r.put("date_modified", unix(e.updatedAt()));
        r.put("manager", num(1, 15, "accelo-job-manager", i));
        r.put("company", num(1, 50, "accelo-job-company", i));
        r.put("contact", num(1, 200, "accelo-job-contact", i));
        r.put("description", gen.sentence(8, "accelo-job-desc", i, e.version()));
        r.put("value", money("accelo-job-value", i));
    }

    private void staff(Evolution.Entity e, Map<String, Object> r) {
        int i = e.index();
        String first = gen.firstName("accelo-staff", i);
        String last = gen.lastName("accelo-staff", i);
        r.put("firstname", first);
        r.put("surname", last);
        r.put("email", (first + "." + last).toLowerCase() + "@playground.example.com");
        r.put("position", gen.job("accelo-staff", i, e.version()));
        r.put("title", gen.pick(List.of("Mr", "Ms", "Dr", "Mx"), "accelo-staff-title", i));
        r.put("date_created", unix(e.createdAt()));
        r.put("date_modified", unix(e.updatedAt()));
        r.put("status", "1");
    }
}

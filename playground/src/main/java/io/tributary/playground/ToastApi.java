package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Toast-like restaurant API under {@code /toast}: login for a bearer token, the partner's restaurants, and
 * {@code GET /orders/v2/ordersBulk?startDate&endDate&page&pageSize} (header {@code Toast-Restaurant-External-ID}),
 * which returns the orders whose {@code modifiedDate} is in [startDate, endDate).
 *
 * <p>Each restaurant has 12 orders per business date, from 45 days before day 0 up to the current date. About 6%
 * of orders are voided and 4% deleted one or two days after their business date; the void or deletion moves the
 * order's {@code modifiedDate}, so it shows up again in a later time window with {@code voided}/{@code deleted}
 * set. Config and labor endpoints answer small static lists, shifts, time entries and cash endpoints empty ones,
 * so a full port of the Toast example runs.
 */
final class ToastApi {
    private static final int ORDERS_PER_DAY = 12;
    private static final int HISTORY_DAYS = 45;
    private static final DateTimeFormatter TOAST_TIME = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> CONFIG_TYPES = List.of("alternatePaymentTypes", "diningOptions",
            "discounts", "menus", "menuGroups", "menuItems", "restaurantServices", "revenueCenters",
            "salesCategories", "serviceAreas", "tables");

    private final PlaygroundState state;
    private final DataGenerator gen;
    private final List<String> restaurants;

    /** One order as of the current day. */
    private record Order(String guid, Instant opened, Instant closed, Instant modified, LocalDate businessDate,
                         Instant voidDate, Instant deletedDate, Map<String, Object> json) {
    }

    ToastApi(PlaygroundState state) {
        this.state = state;
        this.gen = new DataGenerator(state.seed);
        this.restaurants = List.of(gen.uuid("toast-restaurant", 0), gen.uuid("toast-restaurant", 1));
    }

    List<String> restaurantGuids() {
        return restaurants;
    }

    void register(RoutesConfig routes) {
        routes.post("/toast/authentication/v1/authentication/login", this::login);
        routes.get("/toast/partners/v1/restaurants", this::listRestaurants);
        routes.get("/toast/orders/v2/ordersBulk", this::ordersBulk);
        routes.get("/toast/config/v2/{type}", this::config);
        routes.get("/toast/labor/v1/{type}", this::labor);
        routes.get("/toast/cashmgmt/v1/{type}", ctx -> {
            requireRestaurant(ctx);
            Responder.json(ctx, List.of());
        });
    }

    private void login(Context ctx) {
        Map<?, ?> body = AuthApi.parseBody(ctx);
        if (!Credentials.CLIENT_ID.equals(body.get("clientId"))
                || !Credentials.CLIENT_SECRET.equals(body.get("clientSecret"))) {
            throw new ApiError(401, Map.of("status", 401, "code", 10010, "message", "Unauthorized"));
        }
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("tokenType", "Bearer");
        token.put("scope", null);
        token.put("expiresIn", state.tokenTtl().toSeconds());
        token.put("accessToken", state.tokens.issue("toast", state.tokenTtl()));
        token.put("idToken", null);
        token.put("refreshToken", null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@class", ".SuccessfulResponse");
        out.put("token", token);
        out.put("status", "SUCCESS");
        Responder.json(ctx, out);
    }

    private void listRestaurants(Context ctx) {
        authorize(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 0; r < restaurants.size(); r++) {
            Instant created = state.dayStart(0).minusSeconds((400L + r) * 86_400);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("restaurantGuid", restaurants.get(r));
            m.put("managementGroupGuid", gen.uuid("toast-group"));
            m.put("restaurantName", DataGenerator.capitalize(gen.word("toast-name", r)) + " Kitchen");
            m.put("locationName", gen.address("toast-location", r));
            m.put("createdByEmailAddress", "owner@playground.example.com");
            m.put("externalGroupRef", null);
            m.put("externalRestaurantRef", null);
            m.put("modifiedDate", created.toEpochMilli());
            m.put("createdDate", created.toEpochMilli());
            m.put("isoModifiedDate", TOAST_TIME.format(created));
            m.put("isoCreatedDate", TOAST_TIME.format(created));
            m.put("deleted", false);
            out.add(m);
        }
        Responder.json(ctx, out);
    }

    private void ordersBulk(Context ctx) {
        String restaurant = requireRestaurant(ctx);
        int pageSize = Params.integer(ctx, "pageSize", 100, 1, 100);
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        LocalDate today = state.today();
        List<Order> matches = new ArrayList<>();
        String businessDate = ctx.queryParam("businessDate");
        if (businessDate != null) {
            LocalDate d = LocalDate.parse(businessDate, BUSINESS_DATE);
            if (!d.isAfter(today)) {
                matches.addAll(ordersOn(restaurant, d, today));
            }
        } else {
            Instant start = Params.instant(ctx, "startDate");
            Instant end = Params.instant(ctx, "endDate");
            if (start == null || end == null) {
                throw new ApiError(400, Map.of("status", 400, "code", 10012, "message",
                        "startDate and endDate, or businessDate, are required"));
            }
            LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate().minusDays(3);
            LocalDate last = end.atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate earliest = state.baseDate.minusDays(HISTORY_DAYS);
            for (LocalDate d = first.isBefore(earliest) ? earliest : first; !d.isAfter(last) && !d.isAfter(today);
                    d = d.plusDays(1)) {
                for (Order o : ordersOn(restaurant, d, today)) {
                    if (!o.modified().isBefore(start) && o.modified().isBefore(end)) {
                        matches.add(o);
                    }
                }
            }
        }
        matches.sort(Comparator.comparing(Order::modified).thenComparing(Order::guid));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = (page - 1) * pageSize; i < matches.size() && out.size() < pageSize; i++) {
            out.add(matches.get(i).json());
        }
        Responder.json(ctx, out);
    }

    /** The orders of one business date, as they look on {@code today} (voids and deletions up to today). */
    private List<Order> ordersOn(String restaurant, LocalDate date, LocalDate today) {
        if (date.isBefore(state.baseDate.minusDays(HISTORY_DAYS))) {
            return List.of();
        }
        List<Order> out = new ArrayList<>();
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int k = 0; k < ORDERS_PER_DAY; k++) {
            SplittableRandom rnd = Seeded.random(state.seed, "toast-order", restaurant, date, k);
            Instant opened = dayStart.plusSeconds(11 * 3600 + k * 2400L + rnd.nextLong(1800));
            Instant closed = opened.plusSeconds(1800 + rnd.nextLong(3600));
            double fate = rnd.nextDouble();
            Instant eventAt = date.plusDays(1 + rnd.nextInt(2)).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(9 * 3600 + rnd.nextLong(8 * 3600));
            boolean eventHappened = !eventAt.atZone(ZoneOffset.UTC).toLocalDate().isAfter(today);
            Instant voidDate = fate < 0.06 && eventHappened ? eventAt : null;
            Instant deletedDate = fate >= 0.06 && fate < 0.10 && eventHappened ? eventAt : null;
            Instant modified = voidDate != null ? voidDate : deletedDate != null ? deletedDate : closed;
            String guid = gen.uuid("toast-order", restaurant, date, k);
            Map<String, Object> json = orderJson(guid, restaurant, date, k, opened, closed, modified, voidDate,
                    deletedDate, rnd);
            out.add(new Order(guid, opened, closed, modified, date, voidDate, deletedDate, json));
        }
        return out;
    }

    private Map<String, Object> orderJson(String guid, String restaurant, LocalDate date, int k, Instant opened,
                                          Instant closed, Instant modified, Instant voidDate,
                                          Instant deletedDate, SplittableRandom rnd) {
        int items = 1 + rnd.nextInt(4);
        List<Map<String, Object>> selections = new ArrayList<>();
        double amount = 0;
        for (int s = 0; s < items; s++) {
            double price = Math.round((4 + rnd.nextDouble() * 26) * 100) / 100.0;
            amount += price;
            Map<String, Object> sel = new LinkedHashMap<>();
            sel.put("guid", gen.uuid("toast-selection", guid, s));
            sel.put("entityType", "MenuItemSelection");
            sel.put("displayName", DataGenerator.capitalize(gen.phrase(2, "toast-item", restaurant, s + k)));
            sel.put("item", ref(gen.uuid("toast-menuItems", restaurant, (s + k) % 5), "MenuItem"));
            sel.put("itemGroup", ref(gen.uuid("toast-menuGroups", restaurant, (s + k) % 3), "MenuGroup"));
            sel.put("price", price);
            sel.put("quantity", 1.0);
            sel.put("voided", voidDate != null);
            sel.put("createdDate", time(opened));
            sel.put("modifiedDate", time(modified));
            sel.put("appliedTaxes", List.of());
            sel.put("modifiers", List.of());
            sel.put("appliedDiscounts", List.of());
            selections.add(sel);
        }
        amount = Math.round(amount * 100) / 100.0;
        double tax = Math.round(amount * 0.0825 * 100) / 100.0;
        double tip = Math.round(amount * 0.18 * 100) / 100.0;
        String checkGuid = gen.uuid("toast-check", guid);
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("guid", gen.uuid("toast-payment", guid));
        payment.put("entityType", "OrderPayment");
        payment.put("paidDate", time(closed));
        payment.put("paidBusinessDate", Integer.parseInt(BUSINESS_DATE.format(date)));
        payment.put("type", "CREDIT");
        payment.put("cardType", rnd.nextBoolean() ? "VISA" : "MASTERCARD");
        payment.put("amount", Math.round((amount + tax) * 100) / 100.0);
        payment.put("tipAmount", tip);
        payment.put("amountTendered", null);
        payment.put("refundStatus", "NONE");
        payment.put("paymentStatus", voidDate != null ? "VOIDED" : "CAPTURED");
        payment.put("voidInfo", voidDate == null ? null : voidInfo(restaurant, voidDate));
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("guid", checkGuid);
        check.put("entityType", "Check");
        check.put("displayNumber", String.valueOf(k + 1));
        check.put("amount", amount);
        check.put("taxAmount", tax);
        check.put("totalAmount", Math.round((amount + tax) * 100) / 100.0);
        check.put("openedDate", time(opened));
        check.put("closedDate", time(closed));
        check.put("paidDate", time(closed));
        check.put("createdDate", time(opened));
        check.put("modifiedDate", time(modified));
        check.put("voided", voidDate != null);
        check.put("voidDate", time(voidDate));
        check.put("deleted", deletedDate != null);
        check.put("deletedDate", time(deletedDate));
        check.put("paymentStatus", "CLOSED");
        check.put("taxExempt", false);
        check.put("selections", selections);
        check.put("appliedDiscounts", List.of());
        check.put("appliedServiceCharges", List.of());
        check.put("payments", List.of(payment));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("guid", guid);
        o.put("entityType", "Order");
        o.put("externalId", null);
        o.put("openedDate", time(opened));
        o.put("createdDate", time(opened));
        o.put("modifiedDate", time(modified));
        o.put("closedDate", time(closed));
        o.put("paidDate", time(closed));
        o.put("promisedDate", null);
        o.put("estimatedFulfillmentDate", null);
        o.put("businessDate", Integer.parseInt(BUSINESS_DATE.format(date)));
        o.put("voided", voidDate != null);
        o.put("voidDate", time(voidDate));
        o.put("voidBusinessDate", voidDate == null ? null
                : Integer.parseInt(BUSINESS_DATE.format(voidDate.atZone(ZoneOffset.UTC).toLocalDate())));
        o.put("deleted", deletedDate != null);
        o.put("deletedDate", time(deletedDate));
        o.put("source", "In Store");
        o.put("duration", closed.getEpochSecond() - opened.getEpochSecond());
        o.put("numberOfGuests", 1 + rnd.nextInt(6));
        o.put("createdInTestMode", false);
        o.put("excessFood", false);
        o.put("diningOption", ref(gen.uuid("toast-diningOptions", restaurant, k % 2), "DiningOption"));
        o.put("server", ref(gen.uuid("toast-employee", restaurant, k % 4), "RestaurantUser"));
        o.put("revenueCenter", ref(gen.uuid("toast-revenueCenters", restaurant, 0), "RevenueCenter"));
        o.put("serviceArea", ref(gen.uuid("toast-serviceAreas", restaurant, 0), "ServiceArea"));
        o.put("table", ref(gen.uuid("toast-tables", restaurant, k % 6), "Table"));
        o.put("createdDevice", Map.of("id", "device-" + (k % 3 + 1)));
        o.put("lastModifiedDevice", Map.of("id", "device-" + (k % 3 + 1)));
        o.put("pricingFeatures", List.of("TAXESV2"));
        o.put("checks", List.of(check));
        return o;
    }

    private Map<String, Object> voidInfo(String restaurant, Instant voidDate) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("voidUser", ref(gen.uuid("toast-employee", restaurant, 0), "RestaurantUser"));
        v.put("voidApprover", ref(gen.uuid("toast-employee", restaurant, 1), "RestaurantUser"));
        v.put("voidDate", time(voidDate));
        v.put("voidBusinessDate", Integer.parseInt(BUSINESS_DATE.format(voidDate.atZone(ZoneOffset.UTC).toLocalDate())));
        v.put("voidReason", ref(gen.uuid("toast-void-reason", restaurant), "VoidReason"));
        return v;
    }

    private void config(Context ctx) {
        String restaurant = requireRestaurant(ctx);
        String type = ctx.pathParam("type");
        if (!CONFIG_TYPES.contains(type)) {
            throw new ApiError(404, Map.of("status", 404, "message", "Unknown config type " + type));
        }
        int n = type.equals("tables") ? 6 : type.equals("menuItems") ? 5 : 3;
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("guid", gen.uuid("toast-" + type, restaurant, i));
            m.put("entityType", type.substring(0, 1).toUpperCase() + type.substring(1, type.length() - 1));
            m.put("name", DataGenerator.capitalize(gen.phrase(2, "toast-config", type, i)));
            if (type.equals("menuGroups")) {
                m.put("menu", ref(gen.uuid("toast-menus", restaurant, i % 3), "Menu"));
            }
            if (type.equals("serviceAreas") || type.equals("tables")) {
                m.put("revenueCenter", ref(gen.uuid("toast-revenueCenters", restaurant, 0), "RevenueCenter"));
            }
            if (type.equals("tables")) {
                m.put("serviceArea", ref(gen.uuid("toast-serviceAreas", restaurant, 0), "ServiceArea"));
            }
            out.add(m);
        }
        Responder.json(ctx, out);
    }

    private void labor(Context ctx) {
        String restaurant = requireRestaurant(ctx);
        String type = ctx.pathParam("type");
        List<Map<String, Object>> out = new ArrayList<>();
        Instant created = state.dayStart(0).minusSeconds(300L * 86_400);
        if (type.equals("jobs") || type.equals("employees")) {
            for (int i = 0; i < 4; i++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("guid", gen.uuid(type.equals("jobs") ? "toast-job" : "toast-employee", restaurant, i));
                m.put("entityType", type.equals("jobs") ? "RestaurantJob" : "RestaurantUser");
                m.put("createdDate", time(created));
                m.put("modifiedDate", time(created));
                m.put("deleted", false);
                m.put("deletedDate", null);
                if (type.equals("jobs")) {
                    m.put("title", List.of("Server", "Cook", "Host", "Manager").get(i));
                    m.put("tipped", i == 0);
                    m.put("excludeFromReporting", false);
                } else {
                    m.put("firstName", gen.firstName("toast-employee", restaurant, i));
                    m.put("lastName", gen.lastName("toast-employee", restaurant, i));
                    m.put("jobReferences", List.of(ref(gen.uuid("toast-job", restaurant, i), "RestaurantJob")));
                    m.put("wageOverrides", List.of());
                }
                out.add(m);
            }
        } else if (!type.equals("shifts") && !type.equals("timeEntries") && !type.equals("breaks")) {
            throw new ApiError(404, Map.of("status", 404, "message", "Unknown labor resource " + type));
        }
        Responder.json(ctx, out);
    }

    private String requireRestaurant(Context ctx) {
        authorize(ctx);
        String restaurant = ctx.header("Toast-Restaurant-External-ID");
        if (restaurant == null || restaurant.isBlank()) {
            throw new ApiError(400, Map.of("status", 400, "code", 10002, "message",
                    "Missing Toast-Restaurant-External-ID header"));
        }
        if (!restaurants.contains(restaurant)) {
            throw new ApiError(403, Map.of("status", 403, "code", 10003, "message",
                    "Access to restaurant " + restaurant + " is denied"));
        }
        return restaurant;
    }

    private void authorize(Context ctx) {
        TokenStore.Status status = state.tokens.check(TokenStore.bearer(ctx.header("Authorization")));
        if (status != TokenStore.Status.VALID) {
            throw new ApiError(401, Map.of("status", 401, "code", 10011, "message",
                    status == TokenStore.Status.EXPIRED ? "Token expired" : "Unauthorized"));
        }
    }

    private static Map<String, Object> ref(String guid, String entityType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("guid", guid);
        m.put("entityType", entityType);
        return m;
    }

    private static String time(Instant t) {
        return t == null ? null : TOAST_TIME.format(t);
    }
}

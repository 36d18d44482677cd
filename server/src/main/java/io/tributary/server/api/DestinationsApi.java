package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.model.Destination;
import io.tributary.api.model.DestinationRequest;
import io.tributary.api.model.SetupTest;
import io.tributary.server.auth.Permission;
import io.tributary.server.destinations.DestinationService;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Gatekeeper;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.DestinationStore;
import io.tributary.server.store.DestinationStore.Row;
import io.tributary.server.store.Jdbc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /v1/destinations}: one per group, sharing the group's id; services duckdb and postgres. */
public final class DestinationsApi {
    private static final Set<String> NETWORKING = Set.of("Directly", "PrivateLink", "SshTunnel", "ProxyAgent");
    private static final String DEFAULT_REGION = "GCP_US_EAST4";
    private final DestinationStore destinations;
    private final GroupsApi groups;

    public DestinationsApi(DestinationStore destinations, GroupsApi groups) {
        this.destinations = destinations;
        this.groups = groups;
    }

    public void register(Router router) {
        router.get("/v1/destinations", this::list);
        router.post("/v1/destinations", Permission.MANAGE_DESTINATIONS, this::create);
        router.get("/v1/destinations/{destinationId}", ctx -> Json.ok(ctx, view(ctx, require(ctx.pathParam("destinationId")))));
        router.patch("/v1/destinations/{destinationId}", Permission.MANAGE_DESTINATIONS, this::update);
        router.delete("/v1/destinations/{destinationId}", Permission.MANAGE_DESTINATIONS, this::delete);
        router.post("/v1/destinations/{destinationId}/test", Permission.MANAGE_DESTINATIONS, this::test);
    }

    private Row require(String id) {
        return destinations.find(id).orElseThrow(() -> ApiException.notFound("Destination", id));
    }

    private void list(Context ctx) {
        Paging paging = Paging.of(ctx);
        List<Destination> items = destinations.list(paging.skip(), paging.fetch()).stream().map(r -> view(ctx, r)).toList();
        Json.page(ctx, paging.page(items));
    }

    private void create(Context ctx) {
        DestinationRequest req = Json.body(ctx, DestinationRequest.class);
        if (req.groupId() == null || req.groupId().isBlank()) {
            throw ApiException.required("group_id");
        }
        DestinationService service = DestinationService.of(req.service());
        groups.require(req.groupId());
        Map<String, Object> config = service.validate(req.config() == null ? Map.of() : req.config());
        List<SetupTest> tests = !Boolean.FALSE.equals(req.runSetupTests()) ? service.test(config) : List.of();
        Row row = new Row(req.groupId(), service.name(), region(req.region(), DEFAULT_REGION),
                timeZone(req.timeZoneOffset(), null), Boolean.TRUE.equals(req.daylightSavingTimeEnabled()),
                networking(req.networkingMethod(), "Directly"), config, status(tests), tests);
        try {
            destinations.insert(row);
        } catch (Jdbc.DuplicateException e) {
            throw ApiException.conflict("Group '" + req.groupId() + "' already has a destination");
        }
        Json.created(ctx, "Destination has been created", view(ctx, row));
    }

    private void update(Context ctx) {
        Row old = require(ctx.pathParam("destinationId"));
        DestinationRequest req = Json.body(ctx, DestinationRequest.class);
        DestinationService service = DestinationService.of(old.service());
        Map<String, Object> merged = new LinkedHashMap<>(old.config());
        if (req.config() != null) {
            merged.putAll(req.config());
        }
        Map<String, Object> config = service.validate(merged);
        boolean retest = Boolean.TRUE.equals(req.runSetupTests()) || !config.equals(old.config());
        List<SetupTest> tests = retest ? service.test(config) : old.setupTests();
        Row row = new Row(old.id(), old.service(), region(req.region(), old.region()),
                timeZone(req.timeZoneOffset(), old.timeZoneOffset()),
                req.daylightSavingTimeEnabled() != null ? req.daylightSavingTimeEnabled() : old.daylightSaving(),
                networking(req.networkingMethod(), old.networkingMethod()), config,
                retest ? status(tests) : old.setupStatus(), tests);
        destinations.update(row);
        Json.ok(ctx, "Destination has been updated", view(ctx, row));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("destinationId");
        if (!destinations.delete(id)) {
            throw ApiException.notFound("Destination", id);
        }
        Json.message(ctx, "Destination with id '" + id + "' has been deleted");
    }

    private void test(Context ctx) {
        Row old = require(ctx.pathParam("destinationId"));
        Json.body(ctx);
        List<SetupTest> tests = DestinationService.of(old.service()).test(old.config());
        Row row = new Row(old.id(), old.service(), old.region(), old.timeZoneOffset(), old.daylightSaving(),
                old.networkingMethod(), old.config(), status(tests), tests);
        destinations.update(row);
        Json.ok(ctx, "Setup tests have been completed", view(ctx, row));
    }

    /** The API's view: secrets masked; config values as text unless the client asked for version 2. */
    private static Destination view(Context ctx, Row r) {
        Set<String> secrets = DestinationService.of(r.service()).secretKeys();
        boolean typed = Gatekeeper.wantsVersion2(ctx);
        Map<String, Object> shown = new LinkedHashMap<>();
        r.config().forEach((k, v) -> shown.put(k, secrets.contains(k) ? "******" : typed ? v : String.valueOf(v)));
        return new Destination(r.id(), r.id(), r.service(), r.region(), r.timeZoneOffset(), r.setupStatus(),
                r.daylightSaving(), r.networkingMethod(), shown, r.setupTests());
    }

    private static String status(List<SetupTest> tests) {
        if (tests.isEmpty()) {
            return "INCOMPLETE";
        }
        return tests.stream().allMatch(t -> t.status().equals("PASSED")) ? "CONNECTED" : "BROKEN";
    }

    private static String region(String requested, String fallback) {
        return requested == null || requested.isBlank() ? fallback : requested;
    }

    private static String networking(String requested, String fallback) {
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        if (!NETWORKING.contains(requested)) {
            throw ApiException.invalid("Field 'networking_method' must be one of " + NETWORKING + ", got '" + requested + "'");
        }
        return requested;
    }

    private static String timeZone(String requested, String fallback) {
        if (requested == null || requested.isBlank()) {
            if (fallback == null) {
                throw ApiException.required("time_zone_offset");
            }
            return fallback;
        }
        String t = requested.trim();
        try {
            int hours = Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
            if (hours >= -11 && hours <= 12) {
                return hours > 0 ? "+" + hours : String.valueOf(hours);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("Field 'time_zone_offset' must be a whole hour from -11 to +12, got '" + requested + "'");
    }
}

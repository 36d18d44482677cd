package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * National Park Service-like API under {@code /nps/api/v1}: parks, alerts, articles and people, paged with
 * {@code limit} and {@code start}, protected by an API key ({@code api_key} parameter or {@code X-Api-Key}
 * header; a missing or wrong key gets 403 like api.data.gov). Totals are strings, as in the real API.
 *
 * <p>Days: a park's description changes now and then; 3 alerts appear and 2 end every day; an article and a
 * person are added every day.
 */
final class NpsApi {
    private static final List<String> STATES = List.of("CA", "NV", "UT", "AZ", "WY", "MT", "CO", "WA", "OR", "ME",
            "NC", "TN", "FL", "AK", "HI", "TX");
    private static final List<String> ACTIVITIES = List.of("Hiking", "Camping", "Fishing", "Stargazing",
            "Birdwatching", "Kayaking", "Biking", "Climbing", "Wildlife Watching", "Skiing");
    private static final List<String> ALERT_CATEGORIES = List.of("Park Closure", "Caution", "Information",
            "Danger");

    private final PlaygroundState state;
    private final DataGenerator gen;
    private final Evolution parks;
    private final Evolution alerts;
    private final Evolution articles;
    private final Evolution people;

    NpsApi(PlaygroundState state) {
        this.state = state;
        this.gen = new DataGenerator(state.seed);
        this.parks = new Evolution(state, new Evolution.Spec("nps-parks", 30, 0, 1, 0, 365));
        this.alerts = new Evolution(state, new Evolution.Spec("nps-alerts", 12, 3, 1, 2, 10));
        this.articles = new Evolution(state, new Evolution.Spec("nps-articles", 40, 1, 0, 0, 365));
        this.people = new Evolution(state, new Evolution.Spec("nps-people", 30, 1, 1, 0, 365));
    }

    void register(RoutesConfig routes) {
        routes.get("/nps/api/v1/parks", ctx -> list(ctx, parks, this::park));
        routes.get("/nps/api/v1/alerts", ctx -> list(ctx, alerts, this::alert));
        routes.get("/nps/api/v1/articles", ctx -> list(ctx, articles, this::article));
        routes.get("/nps/api/v1/people", ctx -> list(ctx, people, this::person));
    }

    private void list(Context ctx, Evolution family, java.util.function.Function<Evolution.Entity,
            Map<String, Object>> render) {
        checkKey(ctx);
        int limit = Params.integer(ctx, "limit", 50, 1, 500);
        int start = Params.integer(ctx, "start", 0, 0, Integer.MAX_VALUE);
        List<Evolution.Entity> all = family.alive(state.day());
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = start; i < all.size() && data.size() < limit; i++) {
            data.add(render.apply(all.get(i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", String.valueOf(all.size()));
        body.put("limit", String.valueOf(limit));
        body.put("start", String.valueOf(start));
        body.put("data", data);
        Responder.json(ctx, body);
    }

    private static void checkKey(Context ctx) {
        String key = ctx.queryParam("api_key");
        if (key == null) {
            key = ctx.header("X-Api-Key");
        }
        if (key == null || key.isBlank()) {
            throw new ApiError(403, Map.of("error", Map.of("code", "API_KEY_MISSING", "message",
                    "No api_key was supplied. Get one at https://api.data.gov:443")));
        }
        if (!key.equals(Credentials.API_KEY)) {
            throw new ApiError(403, Map.of("error", Map.of("code", "API_KEY_INVALID", "message",
                    "An invalid api_key was supplied. Get one at https://api.data.gov:443")));
        }
    }

    private String parkCode(int index) {
        String w = gen.word("park-name", index);
        return (w.substring(0, Math.min(3, w.length())) + (char) ('a' + index % 26)).toLowerCase();
    }

    private String parkName(int index) {
        return DataGenerator.capitalize(gen.word("park-name", index)) + " "
                + DataGenerator.capitalize(gen.word("park-name-2", index));
    }

    private Map<String, Object> park(Evolution.Entity e) {
        int i = e.index();
        double lat = 25 + Seeded.unit(state.seed, "park-lat", i) * 23;
        double lon = -124 + Seeded.unit(state.seed, "park-lon", i) * 57;
        List<Map<String, Object>> activities = new ArrayList<>();
        int n = gen.intBetween(1, 4, "park-activities", i);
        for (int a = 0; a < n; a++) {
            String name = ACTIVITIES.get((Seeded.below(ACTIVITIES.size(), state.seed, "park-act", i) + a)
                    % ACTIVITIES.size());
            activities.add(Map.of("id", gen.uuid("activity", name).toUpperCase(), "name", name));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", gen.uuid("park", i).toUpperCase());
        row.put("url", "https://www.nps.gov/" + parkCode(i) + "/index.htm");
        row.put("fullName", parkName(i) + " National Park");
        row.put("parkCode", parkCode(i));
        row.put("description", gen.sentence(12, "park-desc", i, e.version()));
        row.put("latitude", String.format(java.util.Locale.ROOT, "%.8f", lat));
        row.put("longitude", String.format(java.util.Locale.ROOT, "%.8f", lon));
        row.put("latLong", String.format(java.util.Locale.ROOT, "lat:%.8f, long:%.8f", lat, lon));
        row.put("activities", activities);
        row.put("states", gen.pick(STATES, "park-state", i));
        row.put("designation", "National Park");
        row.put("name", parkName(i));
        return row;
    }

    private Map<String, Object> alert(Evolution.Entity e) {
        int i = e.index();
        int park = Seeded.below(30, state.seed, "alert-park", i);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", gen.uuid("alert", i).toUpperCase());
        row.put("url", "https://www.nps.gov/" + parkCode(park) + "/planyourvisit/conditions.htm");
        row.put("title", DataGenerator.capitalize(gen.phrase(3, "alert-title", i, e.version())));
        row.put("parkCode", parkCode(park));
        row.put("description", gen.sentence(10, "alert-desc", i, e.version()));
        row.put("category", gen.pick(ALERT_CATEGORIES, "alert-cat", i));
        row.put("lastIndexedDate", e.updatedAt().toString().replace('T', ' ').replace("Z", ".0"));
        return row;
    }

    private List<Map<String, Object>> relatedParks(String family, int index) {
        List<Map<String, Object>> out = new ArrayList<>();
        int n = gen.intBetween(1, 3, family, "related", index);
        for (int k = 0; k < n; k++) {
            int park = Seeded.below(30, state.seed, family, "related-park", index, k);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("states", gen.pick(STATES, "park-state", park));
            p.put("parkCode", parkCode(park));
            p.put("designation", "National Park");
            p.put("fullName", parkName(park) + " National Park");
            p.put("url", "https://www.nps.gov/" + parkCode(park) + "/index.htm");
            p.put("name", parkName(park));
            out.add(p);
        }
        return out;
    }

    private Map<String, Object> article(Evolution.Entity e) {
        int i = e.index();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", gen.uuid("article", i).toUpperCase());
        row.put("url", "https://www.nps.gov/articles/" + (1000 + i) + ".htm");
        row.put("title", DataGenerator.capitalize(gen.phrase(4, "article-title", i)));
        row.put("listingDescription", gen.sentence(14, "article-desc", i));
        row.put("relatedParks", relatedParks("article", i));
        row.put("date", e.createdAt().toString().substring(0, 10));
        return row;
    }

    private Map<String, Object> person(Evolution.Entity e) {
        int i = e.index();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", gen.uuid("person", i).toUpperCase());
        row.put("url", "https://www.nps.gov/people/person-" + (i + 1) + ".htm");
        row.put("title", gen.firstName("nps-person", i) + " " + gen.lastName("nps-person", i));
        row.put("listingDescription", gen.sentence(12, "person-desc", i, e.version()));
        row.put("relatedParks", relatedParks("person", i));
        return row;
    }
}

package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Star Wars API (SWAPI) look-alike under {@code /swapi/api/}: the root lists the six collections by URL; each
 * collection pages by 10 with SWAPI's {@code {"count","next","previous","results"}}, and {@code next} is an
 * absolute URL, {@code null} on the last page. Every item carries its own {@code url} (its key), {@code created},
 * {@code edited} and arrays of related URLs; values are strings, as SWAPI's are. The data never changes.
 */
final class SwapiApi {
    static final int PAGE_SIZE = 10;
    static final Map<String, Integer> COUNTS = counts();
    private static final Instant CREATED = Instant.parse("2014-12-09T13:50:51.644Z");
    private final DataGenerator data;

    SwapiApi(PlaygroundState state) {
        this.data = new DataGenerator(state.seed);
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("people", 82);
        counts.put("planets", 60);
        counts.put("films", 6);
        counts.put("species", 37);
        counts.put("vehicles", 39);
        counts.put("starships", 36);
        return counts;
    }

    void register(RoutesConfig routes) {
        routes.get("/swapi/api", this::root);
        routes.get("/swapi/api/", this::root);
        routes.get("/swapi/api/{resource}", this::page);
        routes.get("/swapi/api/{resource}/", this::page);
        routes.get("/swapi/api/{resource}/{id}", this::one);
        routes.get("/swapi/api/{resource}/{id}/", this::one);
    }

    private void root(Context ctx) {
        Map<String, String> root = new LinkedHashMap<>();
        COUNTS.keySet().forEach(resource -> root.put(resource, base(ctx) + resource + "/"));
        Responder.json(ctx, root);
    }

    private void page(Context ctx) {
        String resource = resource(ctx);
        int count = COUNTS.get(resource);
        int pages = (count + PAGE_SIZE - 1) / PAGE_SIZE;
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        if (page > pages) {
            throw new ApiError(404, Map.of("detail", "Not found"));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int id = (page - 1) * PAGE_SIZE + 1; id <= Math.min(count, page * PAGE_SIZE); id++) {
            results.add(item(ctx, resource, id));
        }
        String self = base(ctx) + resource + "/?page=";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count);
        body.put("next", page < pages ? self + (page + 1) + Params.faultSuffix(ctx) : null);
        body.put("previous", page > 1 ? self + (page - 1) + Params.faultSuffix(ctx) : null);
        body.put("results", results);
        Responder.json(ctx, body);
    }

    private void one(Context ctx) {
        String resource = resource(ctx);
        int id;
        try {
            id = Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(404, Map.of("detail", "Not found"));
        }
        if (id < 1 || id > COUNTS.get(resource)) {
            throw new ApiError(404, Map.of("detail", "Not found"));
        }
        Responder.json(ctx, item(ctx, resource, id));
    }

    private static String resource(Context ctx) {
        String resource = ctx.pathParam("resource");
        if (!COUNTS.containsKey(resource)) {
            throw new ApiError(404, Map.of("detail", "Not found"));
        }
        return resource;
    }

    private static String base(Context ctx) {
        return Params.baseUrl(ctx) + "/swapi/api/";
    }

    private Map<String, Object> item(Context ctx, String resource, int id) {
        Map<String, Object> item = new LinkedHashMap<>();
        String name = DataGenerator.capitalize(data.word(resource, "name-a", id)) + " "
                + DataGenerator.capitalize(data.word(resource, "name-b", id)) + " " + id;
        switch (resource) {
            case "films" -> {
                item.put("title", name);
                item.put("episode_id", id);
                item.put("opening_crawl", data.sentence(12, "crawl", id));
                item.put("director", data.firstName("director", id) + " " + data.lastName("director", id));
                item.put("release_date", 1977 + 3 * (id - 1) + "-05-25");
                links(ctx, item, id, "characters:people", "planets", "starships", "vehicles", "species");
            }
            case "people" -> {
                item.put("name", name);
                item.put("height", String.valueOf(data.intBetween(90, 230, "height", id)));
                item.put("mass", id % 7 == 0 ? "unknown" : String.valueOf(data.intBetween(40, 140, "mass", id)));
                item.put("birth_year", data.intBetween(8, 900, "born", id) + "BBY");
                item.put("homeworld", url(ctx, "planets", 1 + id % COUNTS.get("planets")));
                links(ctx, item, id, "films", "species", "vehicles", "starships");
            }
            case "planets" -> {
                item.put("name", name);
                item.put("climate", data.word("climate", id));
                item.put("population", id % 5 == 0 ? "unknown" : String.valueOf(data.intBetween(1, 90_000, "pop", id) * 1000L));
                links(ctx, item, id, "residents:people", "films");
            }
            case "species" -> {
                item.put("name", name);
                item.put("classification", data.word("classification", id));
                item.put("average_lifespan", String.valueOf(data.intBetween(40, 1000, "lifespan", id)));
                links(ctx, item, id, "people", "films");
            }
            default -> { // vehicles and starships
                item.put("name", name);
                item.put("model", data.phrase(2, resource, "model", id));
                item.put("cost_in_credits", String.valueOf(data.intBetween(1, 9_000, resource, "cost", id) * 100L));
                item.put("crew", String.valueOf(data.intBetween(1, 40, resource, "crew", id)));
                links(ctx, item, id, "pilots:people", "films");
            }
        }
        Instant created = CREATED.plus(id, ChronoUnit.MINUTES);
        item.put("created", created.toString());
        item.put("edited", created.plus(data.intBetween(1, 90, resource, "edited", id), ChronoUnit.DAYS).toString());
        item.put("url", url(ctx, resource, id));
        return item;
    }

    /** Arrays of related URLs: {@code "field"} links to the collection of that name, {@code "field:collection"} to another. */
    private void links(Context ctx, Map<String, Object> item, int id, String... fields) {
        for (String field : fields) {
            String[] parts = field.split(":");
            String target = parts.length > 1 ? parts[1] : parts[0];
            int n = data.intBetween(0, 3, parts[0], "links", id);
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                urls.add(url(ctx, target, 1 + data.intBetween(0, COUNTS.get(target) - 1, parts[0], "link", id, i)));
            }
            item.put(parts[0], urls);
        }
    }

    private static String url(Context ctx, String resource, int id) {
        return base(ctx) + resource + "/" + id + "/";
    }
}

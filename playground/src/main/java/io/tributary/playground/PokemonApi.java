package io.tributary.playground;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PokeAPI-like large list: {@code GET /pokeapi/api/v2/pokemon?offset&limit} with 100,000 entries on day 0 and 100
 * more every day, {@code next}/{@code previous} links, and no upper bound on {@code limit}, so the
 * "without pagination" example gets the whole list in one payload. {@code /pokeapi/api/v2/pokemon/{id or name}/}
 * returns one entry's details.
 */
final class PokemonApi {
    static final int INITIAL = 100_000;
    static final int PER_DAY = 100;
    private static final String CONSONANTS = "bdgkmprt";
    private static final String VOWELS = "aeio";

    private final PlaygroundState state;
    private final List<String> syllables;

    PokemonApi(PlaygroundState state) {
        this.state = state;
        List<String> s = new ArrayList<>();
        for (char c : CONSONANTS.toCharArray()) {
            for (char v : VOWELS.toCharArray()) {
                s.add("" + c + v);
            }
        }
        Collections.shuffle(s, new java.util.Random(Seeded.hash(state.seed, "pokemon-syllables")));
        this.syllables = List.copyOf(s);
    }

    void register(RoutesConfig routes) {
        routes.get("/pokeapi/api/v2/pokemon", this::list);
        routes.get("/pokeapi/api/v2/pokemon/{id}", this::detail);
    }

    int count() {
        return INITIAL + PER_DAY * state.day();
    }

    /** Unique per id: base-32 digits as two-letter syllables (fixed width, so no two ids spell the same name). */
    String name(int id) {
        StringBuilder sb = new StringBuilder();
        int n = id;
        do {
            sb.insert(0, syllables.get(n % 32));
            n /= 32;
        } while (n > 0);
        return sb.append("mon").toString();
    }

    private void list(Context ctx) throws IOException {
        int count = count();
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", 20, 1, Integer.MAX_VALUE);
        String self = Params.baseUrl(ctx) + "/pokeapi/api/v2/pokemon";
        String faults = Params.faultSuffix(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Responder.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("count", count);
            long nextOffset = (long) offset + limit;
            g.writeStringField("next", nextOffset < count ? self + "?offset=" + nextOffset + "&limit=" + limit
                    + faults : null);
            g.writeStringField("previous", offset > 0 ? self + "?offset=" + Math.max(0, offset - limit) + "&limit="
                    + limit + faults : null);
            g.writeArrayFieldStart("results");
            long end = Math.min(count, nextOffset);
            for (int i = offset; i < end; i++) {
                g.writeStartObject();
                g.writeStringField("name", name(i + 1));
                g.writeStringField("url", self + "/" + (i + 1) + "/");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Responder.bytes(ctx, Responder.JSON, out.toByteArray());
    }

    private void detail(Context ctx) {
        String key = ctx.pathParam("id");
        int id = -1;
        if (key.matches("\\d{1,9}")) {
            id = Integer.parseInt(key);
        } else {
            for (int i = 1; i <= count() && id < 0; i++) {
                if (name(i).equals(key)) {
                    id = i;
                }
            }
        }
        if (id < 1 || id > count()) {
            ctx.status(404);
            Responder.text(ctx, "text/plain", "Not Found");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name(id));
        body.put("base_experience", 40 + Seeded.below(260, state.seed, "pokemon-xp", id));
        body.put("height", 1 + Seeded.below(40, state.seed, "pokemon-height", id));
        body.put("weight", 10 + Seeded.below(2000, state.seed, "pokemon-weight", id));
        body.put("order", id);
        body.put("is_default", true);
        Responder.json(ctx, body);
    }
}

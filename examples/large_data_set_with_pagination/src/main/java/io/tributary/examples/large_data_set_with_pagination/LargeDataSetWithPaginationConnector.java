package io.tributary.examples.large_data_set_with_pagination;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A port of Fivetran's {@code large_data_set/with_pagination} quickstart example: PokeAPI's {@code /pokemon} list,
 * read 100 entries a page with {@code offset} and {@code limit}, and checkpointed after every page with the offset
 * reached. The list only grows at its end, so the next sync starts where this one stopped and reads only the new
 * entries. There is no schema: table {@code pokemons} is keyed by a hash of each row.
 */
public final class LargeDataSetWithPaginationConnector implements Connector {
    static final String DEFAULT_BASE_URL = "https://pokeapi.co/api/v2";
    static final int PAGE_LIMIT = 100;

    private final RequestPolicy policy;

    public LargeDataSetWithPaginationConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    LargeDataSetWithPaginationConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        int pageLimit = configuration.getInt("page_limit", PAGE_LIMIT);
        if (pageLimit < 1) {
            throw operations.error("configuration key 'page_limit' must be at least 1, got " + pageLimit);
        }
        HttpApi pokeApi = HttpApi.builder().baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .policy(policy).userAgent("tributary-example-large-data-set").build();
        long offset = state.getLong("offset", configuration.getLong("initial_offset", 0));
        Log.info("reading pokemon from offset " + offset + ", " + pageLimit + " a page");

        Paginator pages = Paginator.offset(pokeApi.get("pokemon"), pageLimit)
                .totalAt("/count").records("/results").startAt(String.valueOf(offset)).build();
        for (Page page : pages) {
            for (Map<String, Object> pokemon : page.records()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", pokemon.get("name"));
                row.put("url", pokemon.get("url"));
                operations.upsert("pokemons", row);
            }
            // The offset after this page, kept also after the last one: the next sync starts there.
            offset += page.items().size();
            state.put("offset", offset);
            operations.checkpoint(state);
        }
        Log.info("read up to offset " + offset);
    }
}

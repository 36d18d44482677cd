package io.tributary.examples.large_data_set_without_pagination;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.JsonRecords;
import io.tributary.sdk.http.RequestPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A port of Fivetran's {@code large_data_set/without_pagination} quickstart example: PokeAPI's whole
 * {@code /pokemon} list in one response ({@code limit=100000}), upserted in batches of 100 with a checkpoint after
 * each. The response is streamed with the toolkit's {@link JsonRecords}, so memory holds one entry at a time,
 * not the 100,000. Every sync reads the whole list again; the state only records how far the last one got.
 */
public final class LargeDataSetWithoutPaginationConnector implements Connector {
    static final String DEFAULT_BASE_URL = "https://pokeapi.co/api/v2";
    static final int MAX_PAGE_LIMIT = 100_000;
    static final int BATCH_SIZE = 100;

    private final RequestPolicy policy;

    public LargeDataSetWithoutPaginationConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    LargeDataSetWithoutPaginationConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        int limit = atLeastOne(configuration, "limit", MAX_PAGE_LIMIT, operations);
        int batchSize = atLeastOne(configuration, "batch_size", BATCH_SIZE, operations);
        long start = configuration.getLong("start_offset", 0);
        HttpApi pokeApi = HttpApi.builder().baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .policy(policy).userAgent("tributary-example-large-data-set").build();

        long offset = start;
        int inBatch = 0;
        try (JsonRecords pokemons = pokeApi.get("pokemon").query("offset", start).query("limit", limit).send()
                .jsonRecords("/results")) {
            for (Map<String, Object> pokemon : pokemons) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", pokemon.get("name"));
                row.put("url", pokemon.get("url"));
                operations.upsert("pokemons", row);
                offset++;
                if (++inBatch == batchSize) {
                    checkpoint(state, offset, operations);
                    inBatch = 0;
                }
            }
        }
        if (inBatch > 0) {
            checkpoint(state, offset, operations);
        }
        Log.info("read " + (offset - start) + " pokemon in one response");
        if (offset - start == limit) {
            Log.warning("the response held " + limit + " entries, the configured 'limit': the list may be longer, "
                    + "and entries past it are not read");
        }
    }

    private static void checkpoint(State state, long offset, Operations operations) {
        state.put("offset", offset);
        operations.checkpoint(state);
    }

    private static int atLeastOne(Configuration configuration, String key, int defaultValue, Operations operations) {
        int value = configuration.getInt(key, defaultValue);
        if (value < 1) {
            throw operations.error("configuration key '" + key + "' must be at least 1, got " + value);
        }
        return value;
    }
}

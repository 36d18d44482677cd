package io.tributary.examples.object_oriented_programming_approach;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Log;
import io.tributary.sdk.http.Auth;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The National Park Service API client (the original's {@code nps_client.py}): the API key goes in the
 * {@code api_key} query parameter (masked in logs), and an endpoint's records are read with {@code start} and
 * {@code limit} until its {@code total}.
 */
final class NpsClient {
    static final String DEFAULT_BASE_URL = "https://developer.nps.gov/api/v1";
    static final int DEFAULT_PAGE_SIZE = 50;

    private final HttpApi api;
    private final int pageSize;

    NpsClient(Configuration configuration, RequestPolicy policy) {
        String apiKey = configuration.get("api_key");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("API key is missing from the configuration: set 'api_key'");
        }
        pageSize = configuration.getInt("page_size", DEFAULT_PAGE_SIZE);
        if (pageSize < 1) {
            throw new IllegalArgumentException("configuration key 'page_size' must be at least 1, got " + pageSize);
        }
        api = HttpApi.builder()
                .baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .policy(policy)
                .auth(Auth.apiKeyQuery("api_key", apiKey))
                .userAgent("tributary-example-nps")
                .build();
    }

    /** Every record of an endpoint such as {@code parks}. */
    List<JsonNode> fetchData(String endpoint) {
        Paginator pages = Paginator.offset(api.get(endpoint), pageSize).params("start", "limit")
                .totalAt("/total").records("/data").build();
        List<JsonNode> data = new ArrayList<>();
        for (Page page : pages) {
            data.addAll(page.items());
        }
        Log.info("Number of " + endpoint + " retrieved: " + data.size());
        return data;
    }
}

package io.tributary.examples.oauth2_and_accelo_api_connector_multithreading_enabled;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.RequestPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of the Fivetran Connector SDK example {@code oauth2_and_accelo_api_connector_multithreading_enabled}:
 * companies, invoices, payments, prospects, jobs and staff from Accelo, each into its own table, incrementally
 * by its {@code date_modified} ({@code date_created} for payments). Pages are fetched by 5 threads under an
 * OAuth2 client-credentials token and an hourly request budget. State: one {@code last_<entity>_sync} per
 * entity.
 */
public class AcceloConnector implements Connector {
    static final int THREADS = 5;
    private static final int DEFAULT_REQUESTS_PER_HOUR = 5000;
    private final RequestPolicy basePolicy;

    public AcceloConnector() {
        // The original: 3 attempts per call with 2^n s backoff, 30 s per request.
        this(RequestPolicy.builder().maxRetries(3).backoff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                .readTimeout(Duration.ofSeconds(30)).build());
    }

    /** For tests: retries, clock and sleeper of their own; the hourly budget still comes from the configuration. */
    AcceloConnector(RequestPolicy basePolicy) {
        this.basePolicy = basePolicy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        List<Table> tables = new ArrayList<>();
        for (Entity entity : Entity.ALL) {
            tables.add(entity.declaration());
        }
        return tables;
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        int perHour = configuration.getInt("requests_per_hour", DEFAULT_REQUESTS_PER_HOUR);
        if (perHour < 1) {
            throw new Configuration.ConfigurationException("requests_per_hour",
                    "configuration key 'requests_per_hour' must be at least 1, got " + perHour);
        }
        int pageSize = configuration.getInt("page_size", AcceloClient.MAX_PAGE_SIZE);
        if (pageSize < 1 || pageSize > AcceloClient.MAX_PAGE_SIZE) {
            throw new Configuration.ConfigurationException("page_size",
                    "configuration key 'page_size' must be between 1 and 100, got " + pageSize);
        }
        AcceloClient client = new AcceloClient(root(configuration), configuration.require("client_id"),
                configuration.require("client_secret"), basePolicy.toBuilder().rateLimit(0, perHour).build(), pageSize);
        EntitySync sync = new EntitySync(client, THREADS, operations);
        for (Entity entity : Entity.ALL) {
            sync.sync(entity, state);
        }
    }

    /** {@code base_url}, else {@code https://<deployment>.api.accelo.com} as in the original. */
    private static String root(Configuration configuration) {
        String baseUrl = configuration.get("base_url", "");
        return baseUrl.isBlank() ? "https://" + configuration.require("deployment") + ".api.accelo.com" : baseUrl;
    }
}

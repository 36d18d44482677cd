package io.tributary.examples.configuration_form;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.ConfigurationForm;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.FormField;
import io.tributary.sdk.FormField.Option;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.Auth;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;

/**
 * A port of Fivetran's {@code configuration_form} quickstart: a setup form with every kind of field, a
 * connection test run from the form ({@code tributary configuration --test}), and a sync whose behaviour the
 * form's values choose: posts read in batches of {@code batch_size}, from the start ({@code full}) or from the
 * saved {@code cursor} ({@code incremental}), with the volume logged when {@code enable_metrics} is on.
 */
public class ConfigurationFormConnector implements Connector {
    static final String TABLE = "post";

    private final RequestPolicy policy;

    public ConfigurationFormConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    ConfigurationFormConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public ConfigurationForm configurationForm() {
        return new ConfigurationForm()
                .field(FormField.text("api_base_url", "API Base URL").withRequired()
                        .withDescription("The base URL for your REST API endpoint.")
                        .withPlaceholder("https://api.example.com/v1"))
                .field(FormField.password("api_key", "API Key").withRequired()
                        .withDescription("Your API authentication key. This value is stored securely.")
                        .withPlaceholder("your_api_key_here"))
                .field(FormField.dropdown("batch_size", "Batch Size",
                                new Option("10", null, null), new Option("100", null, null), new Option("500", null, null))
                        .withDescription("Number of records to fetch per API request.").withDefault("100"))
                .field(FormField.toggle("enable_metrics", "Enable Metrics")
                        .withDescription("Log extraction volume metrics (record count) during each sync."))
                .field(FormField.dropdown("sync_mode", "Sync Mode",
                        new Option("full", "Full Sync", "Re-syncs all records on every run. Use when the source "
                                + "does not expose a modification timestamp."),
                        new Option("incremental", "Incremental Sync", "Syncs only records added since the last "
                                + "run, from the position saved in the state.")).withDefault("full"))
                .test("connection_test", "Test connection", ConnectionTest::run);
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE).primaryKey("id")); // columns are inferred from the posts
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: QuickStart Examples - Configuration Form");
        SyncSettings settings = SyncSettings.from(configuration);
        HttpApi api = HttpApi.builder()
                .baseUrl(settings.apiBaseUrl())
                .auth(Auth.bearer(settings.apiKey()))
                .policy(policy)
                .build();
        int start = settings.incremental() ? state.getInt("cursor", 0) : 0;
        Log.info(settings.incremental() ? "incremental sync from position " + start : "full sync from the start");
        int total;
        try {
            total = syncPosts(api, settings.batchSize(), start, state, operations);
        } catch (HttpException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new ConnectorException("the API refused the api_key (HTTP " + e.status()
                        + "); check api_key in the configuration. " + e.getMessage(), e);
            }
            throw e;
        }
        if (settings.metricsEnabled()) {
            Log.info("Sync complete: " + total + " records extracted");
        }
    }

    /** Upserts the posts from {@code cursor} on, checkpointing the next position after each batch. */
    private static int syncPosts(HttpApi api, int batchSize, int cursor, State state, Operations operations) {
        Paginator pages = Paginator.offset(api.get("posts"), batchSize)
                .params("_start", "_limit") // JSONPlaceholder's names for offset and limit
                .records("") // the body is a bare array
                .startOffset(cursor)
                .build();
        int total = 0;
        for (Page page : pages) {
            if (page.isEmpty()) {
                break;
            }
            page.records().forEach(post -> operations.upsert(TABLE, post));
            total += page.items().size();
            cursor += page.items().size();
            state.put("cursor", cursor);
            operations.checkpoint(state);
            if (page.items().size() < batchSize) {
                break; // a short batch is the last one: no need to ask for an empty one
            }
        }
        return total;
    }
}

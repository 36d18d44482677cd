package io.tributary.examples.environment_driven_connectivity;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.SyncEnvironment;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Picks its source by where it runs: a local debug run reads the Star Wars API at {@code debug_base_url}, a
 * deployed one at {@code production_base_url} (the original's Private Link mirror). The choice comes from the
 * sync's {@link SyncEnvironment#deploymentModel()}, Fivetran's {@code FIVETRAN_DEPLOYMENT_MODEL}. Every collection
 * the API's root lists is read page by page (SWAPI's absolute {@code next} links) into a table of its name, keyed
 * by each item's {@code url}; each page is checkpointed. There is no cursor: every sync reads everything.
 */
public class EnvironmentDrivenConnectivityConnector implements Connector {
    static final String DEBUG_BASE_URL = "debug_base_url";
    static final String PRODUCTION_BASE_URL = "production_base_url";
    static final String DEFAULT_DEBUG_BASE_URL = "http://127.0.0.1:5001/swapi/api";
    static final String DEFAULT_PRODUCTION_BASE_URL = "https://swapi.py4e.com/api";

    private final RequestPolicy policy;

    public EnvironmentDrivenConnectivityConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    EnvironmentDrivenConnectivityConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                collection("people", "films", "species", "starships", "vehicles"),
                collection("planets", "residents", "films"),
                collection("films", "characters", "planets", "starships", "vehicles", "species")
                        .column("release_date", DataType.NAIVE_DATE),
                collection("species", "people", "films"),
                collection("starships", "pilots", "films"),
                collection("vehicles", "pilots", "films"));
    }

    private static Table collection(String name, String... linkColumns) {
        Table table = Table.named(name).primaryKey("url")
                .column("url", DataType.STRING)
                .column("created", DataType.UTC_DATETIME)
                .column("edited", DataType.UTC_DATETIME);
        for (String column : linkColumns) {
            table = table.column(column, DataType.JSON);
        }
        return table;
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        String baseUrl = baseUrl(configuration);
        HttpApi api = HttpApi.builder().baseUrl(baseUrl).header("Accept", "application/json").policy(policy).build();
        List<String> collections = collections(api, baseUrl);
        for (String collection : collections) {
            long rows = 0;
            Paginator pages = Paginator.nextUrl(api.get(collection + "/")).nextUrlAt("/next").records("/results")
                    .build();
            for (Page page : pages) {
                for (Map<String, Object> item : page.records()) {
                    if (item.get("url") == null) {
                        operations.warning("skipping an item of " + collection + " without a url (its key) from "
                                + page.request().maskedUrl());
                        continue;
                    }
                    operations.upsert(collection, item);
                    rows++;
                }
                operations.checkpoint(state);
            }
            Log.info("synced " + rows + " " + collection);
        }
        operations.checkpoint(state);
    }

    /** Local debug runs talk to the API directly; deployed runs go through the production mirror. */
    static String baseUrl(Configuration configuration) {
        SyncEnvironment environment = configuration.environment();
        if (environment.isLocalDebug()) {
            Log.info("FIVETRAN_DEPLOYMENT_MODEL is local_debug: reading " + DEBUG_BASE_URL);
            return configuration.get(DEBUG_BASE_URL, DEFAULT_DEBUG_BASE_URL);
        }
        Log.info("FIVETRAN_DEPLOYMENT_MODEL is " + environment.deploymentModel() + ": reading " + PRODUCTION_BASE_URL);
        return configuration.get(PRODUCTION_BASE_URL, DEFAULT_PRODUCTION_BASE_URL);
    }

    /** The names the API's root lists, e.g. {@code {"people": ".../people/", ...}}. */
    private static List<String> collections(HttpApi api, String baseUrl) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = api.get("").json().fieldNames();
        fields.forEachRemaining(names::add);
        if (names.isEmpty()) {
            throw new ConnectorException("the API root at " + baseUrl + " lists no collections; "
                    + "check that the base URL points at the Star Wars API's root, like https://swapi.py4e.com/api");
        }
        return names;
    }
}

package io.tributary.examples.oauth2_with_token_refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.RequestPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A port of Fivetran's {@code oauth2_with_token_refresh} example: HubSpot contacts and companies read with an
 * access token obtained from a refresh token. HubSpot's v1 lists cannot filter by change time, so every sync
 * pages through everything and upserts only the records changed after {@code last_updated_at}; the state then
 * holds the latest change time seen.
 */
public final class OAuth2WithTokenRefreshConnector implements Connector {
    static final String INITIAL_CURSOR = "0001-01-01T00:00:00Z";

    private final RequestPolicy policy;

    public OAuth2WithTokenRefreshConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    OAuth2WithTokenRefreshConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named("contacts").primaryKey("vid")
                        .column("vid", DataType.LONG)
                        .column("lastmodifieddate", DataType.STRING)
                        .column("firstname", DataType.STRING)
                        .column("company", DataType.STRING)
                        .column("email", DataType.STRING),
                Table.named("companies").primaryKey("companyId")
                        .column("companyId", DataType.LONG)
                        .column("name", DataType.STRING)
                        .column("timestamp", DataType.LONG));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        HubSpotApi hubSpot = HubSpotApi.connect(configuration, policy);
        Instant since = Instant.parse(state.getString("last_updated_at", INITIAL_CURSOR));
        Log.info("syncing HubSpot records changed after " + since);

        Instant latest = since;
        latest = sync(hubSpot.contacts(), "contacts", HubSpotRecords::contact, HubSpotRecords::contactModifiedAt,
                since, latest, operations);
        latest = sync(hubSpot.companies(), "companies", HubSpotRecords::company, HubSpotRecords::companyModifiedAt,
                since, latest, operations);

        // One checkpoint at the end, as in the original: the cursor is the latest change of either table, so a
        // checkpoint between them could skip records of the second one.
        state.put("last_updated_at", latest.toString());
        operations.checkpoint(state);
    }

    /** Upserts the records changed after {@code since}; returns the latest change time seen. */
    private static Instant sync(Iterable<Page> pages, String table, Function<JsonNode, Map<String, Object>> toRow,
                                Function<JsonNode, Instant> modifiedAt, Instant since, Instant latest,
                                Operations operations) {
        int read = 0;
        int upserted = 0;
        for (Page page : pages) {
            for (JsonNode raw : page.items()) {
                read++;
                Instant modified = modifiedAt.apply(raw);
                Map<String, Object> row = toRow.apply(raw);
                // A record without a change time cannot be compared with the cursor: always upsert it.
                if (row != null && (modified == null || modified.isAfter(since))) {
                    operations.upsert(table, row);
                    upserted++;
                }
                if (modified != null && modified.isAfter(latest)) {
                    latest = modified;
                }
            }
        }
        Log.info(table + ": read " + read + ", upserted " + upserted + " changed since the last sync");
        return latest;
    }
}

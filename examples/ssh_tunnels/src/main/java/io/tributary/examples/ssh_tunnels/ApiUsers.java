package io.tributary.examples.ssh_tunnels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.Auth;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.RequestPolicy;
import java.util.Map;

/**
 * The source of the key- and password-based originals: the users of {@code GET /auth/api_key} (a
 * fivetran-api-playground endpoint) read through the tunnel with {@code Authorization: apiKey <api_key>}, all of
 * them every sync, upserted into {@code user}.
 */
final class ApiUsers {
    static final String TABLE = "user";
    static final String API_KEY = "api_key";
    static final int DEFAULT_PORT = 5005; // where the originals' playground listens on the SSH host
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiUsers() {
    }

    static Table table() {
        return Table.named(TABLE).primaryKey("id")
                .column("id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("email", DataType.STRING)
                .column("address", DataType.STRING)
                .column("company", DataType.STRING)
                .column("job", DataType.STRING)
                .column("updatedAt", DataType.UTC_DATETIME)
                .column("createdAt", DataType.UTC_DATETIME);
    }

    static void checkConfiguration(Configuration configuration) {
        configuration.require(API_KEY);
    }

    static void sync(SshTunnel tunnel, Configuration configuration, RequestPolicy policy, State state,
                     Operations operations) {
        HttpApi api = HttpApi.builder()
                .baseUrl("http://" + SshTunnel.LOOPBACK + ":" + tunnel.localPort())
                .auth(Auth.apiKeyHeader("Authorization", "apiKey " + configuration.require(API_KEY)))
                .policy(policy)
                .build();
        JsonNode users;
        try {
            users = api.get("auth/api_key").json().path("data");
        } catch (HttpException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new ConnectorException("the API behind the SSH tunnel refused the API key (HTTP " + e.status()
                        + "); check " + API_KEY + " in configuration.json", e);
            }
            throw e;
        }
        for (JsonNode user : users) {
            operations.upsert(TABLE, JSON.convertValue(user, Map.class));
        }
        Log.info("upserted " + users.size() + " users");
        operations.checkpoint(state); // no cursor: the endpoint has no change filter
    }
}

package io.tributary.examples.authentication_http_bearer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
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
import java.util.List;
import java.util.Map;

/**
 * A port of Fivetran's {@code common_patterns_for_connectors/authentication/http_bearer} example:
 * the users of {@code GET {base_url}/auth/http_bearer}, read with
 * a static bearer token: Authorization: Bearer &lt;token&gt;, are upserted into {@code user}.
 * The endpoint returns every user at once, so each sync reads the whole list; a refused credential
 * fails the sync with the configuration key to fix.
 */
public class HttpBearerAuthConnector implements Connector {
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestPolicy policy;

    public HttpBearerAuthConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    HttpBearerAuthConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("user").primaryKey("id")
                .column("id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("email", DataType.STRING)
                .column("address", DataType.STRING)
                .column("company", DataType.STRING)
                .column("job", DataType.STRING)
                .column("updatedAt", DataType.UTC_DATETIME)
                .column("createdAt", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: Common Patterns For Connectors - Authentication - HTTP BEARER");
        // Authorization: Bearer <token>, a static token from the configuration.
        Auth auth = Auth.bearer(configuration.require("bearer_token"));
        HttpApi api = HttpApi.builder()
                .baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .auth(auth)
                .policy(policy) // retries 429, 5xx and dropped connections; a 401 fails at once
                .build();
        JsonNode users;
        try {
            users = api.get("auth/http_bearer").json().path("data");
        } catch (HttpException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new ConnectorException("the API refused the bearer token (HTTP " + e.status() + ")"
                        + "; check bearer_token in configuration.json", e);
            }
            throw e;
        }
        for (JsonNode user : users) {
            operations.upsert("user", JSON.convertValue(user, Map.class));
        }
        Log.info("upserted " + users.size() + " users");
        operations.checkpoint(state);
    }
}

package io.tributary.examples.update_configuration_during_sync;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.sdk.http.SessionLogin;
import io.tributary.sdk.http.TokenAuth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connector that changes its own configuration during a sync: it reads the users of a session-token API
 * ({@code POST {base_url}/auth/session_token/login}, then {@code GET {base_url}/auth/session_token/data} with
 * {@code Authorization: Token <token>}), and each time it logs in it saves the new token in the connection's
 * configuration through the REST API, so the next sync reuses it instead of logging in again.
 */
public class UpdateConfigurationDuringSyncConnector implements Connector {
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";
    static final String LOGIN_PATH = "auth/session_token/login";
    static final String DATA_PATH = "auth/session_token/data";
    static final List<String> REQUIRED = List.of("username", "password", ConfigurationSaver.API_KEY);
    static final int PAGE_SIZE = 50;

    private final RequestPolicy policy;

    public UpdateConfigurationDuringSyncConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    UpdateConfigurationDuringSyncConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("user").primaryKey("id")
                .column("id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("updatedAt", DataType.UTC_DATETIME)
                .column("createdAt", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        validate(configuration);
        String username = configuration.get("username");
        String password = configuration.get("password");
        SessionLogin login = SessionLogin.with(api -> api.post(LOGIN_PATH)
                        .jsonBody(Map.of("username", username, "password", password)))
                .tokenAt("/token").expiresInAt("/expires_in").build();
        HttpApi api = HttpApi.builder()
                .baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .auth(TokenAuth.builder(new SavedSessionToken(login, configuration, state))
                        .header("Authorization", "Token ").build())
                .policy(policy)
                .build();
        Paginator pages = Paginator.pageNumber(api.get(DATA_PATH))
                .pageSize("per_page", PAGE_SIZE)
                .totalPagesAt("/total_pages")
                .records("/data")
                .build();
        int users = 0;
        try {
            for (Page page : pages) {
                page.records().forEach(user -> operations.upsert("user", user));
                users += page.items().size();
            }
        } catch (HttpException e) {
            throw explained(e);
        }
        Log.info("upserted " + users + " users");
        operations.checkpoint(state);
    }

    private static void validate(Configuration configuration) {
        List<String> missing = new ArrayList<>();
        for (String key : REQUIRED) {
            if (configuration.get(key, "").isBlank()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new Configuration.ConfigurationException(missing.get(0), "configuration is missing "
                    + String.join(", ", missing) + "; add " + (missing.size() == 1 ? "it" : "them")
                    + " to configuration.json");
        }
    }

    private static RuntimeException explained(HttpException e) {
        if ((e.status() == 401 || e.status() == 403) && e.url().contains(LOGIN_PATH)) {
            return new ConnectorException("the login was refused (HTTP " + e.status()
                    + "); check username and password in configuration.json", e);
        }
        return e;
    }
}

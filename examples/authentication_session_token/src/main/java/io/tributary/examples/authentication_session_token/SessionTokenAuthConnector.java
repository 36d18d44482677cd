package io.tributary.examples.authentication_session_token;

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
import java.util.List;
import java.util.Map;

/**
 * A port of Fivetran's {@code common_patterns_for_connectors/authentication/session_token} example: the connector
 * logs in with {@code POST {base_url}/auth/session_token/login} ({@code {"username", "password"}}), receives a
 * session token that expires after {@code expires_in} seconds, and reads the users of
 * {@code GET {base_url}/auth/session_token/data} with {@code Authorization: Token <token>}, page by page. A
 * token the server has expired (HTTP 401) is replaced by logging in again, and the request is sent once more.
 */
public class SessionTokenAuthConnector implements Connector {
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";
    static final String LOGIN_PATH = "auth/session_token/login";
    static final String DATA_PATH = "auth/session_token/data";
    static final int PAGE_SIZE = 50;

    private final RequestPolicy policy;

    public SessionTokenAuthConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    SessionTokenAuthConnector(RequestPolicy policy) {
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
        Log.warning("Example: Common Patterns For Connectors - Authentication - SESSION TOKEN");
        String username = configuration.require("username");
        String password = configuration.require("password");
        // Logs in on first use, again shortly before expires_in runs out, and after a 401 (a token the server
        // dropped early); the login request itself is sent without the token.
        TokenAuth session = TokenAuth.builder(SessionLogin.with(api -> api.post(LOGIN_PATH)
                                .jsonBody(Map.of("username", username, "password", password)))
                        .tokenAt("/token").expiresInAt("/expires_in").build())
                .header("Authorization", "Token ")
                .build();
        HttpApi api = HttpApi.builder()
                .baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .auth(session)
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

    /** A refused login or session, with what to check; other failures as they are. */
    private static RuntimeException explained(HttpException e) {
        if ((e.status() == 401 || e.status() == 403) && e.url().contains(LOGIN_PATH)) {
            return new ConnectorException("the login was refused (HTTP " + e.status()
                    + "); check username and password in configuration.json", e);
        }
        if (e.status() == 401) {
            return new ConnectorException("a session token from a fresh login was refused too (HTTP 401): the "
                    + "server does not accept its own sessions for this user; " + e.getMessage(), e);
        }
        return e;
    }
}

package io.tributary.playground;

/** The fixed credentials every protected endpoint accepts. Documented in the README. */
public final class Credentials {
    /** API key for NPS ({@code api_key} / {@code X-Api-Key}), Marketstack ({@code access_key}), /auth/api_key. */
    public static final String API_KEY = "playground-api-key";
    /** OAuth2 client for /oauth/token, HubSpot, Accelo and Toast. */
    public static final String CLIENT_ID = "playground-client";
    public static final String CLIENT_SECRET = "playground-secret";
    /** A long-lived refresh token accepted by the refresh_token grant. */
    public static final String REFRESH_TOKEN = "playground-refresh-token";
    /** HTTP basic user and the session-login user. */
    public static final String USERNAME = "playground";
    public static final String PASSWORD = "playground";
    /** Static bearer token for Smartsheet and /auth/http_bearer. */
    public static final String BEARER_TOKEN = "playground-bearer-token";

    private Credentials() {
    }
}

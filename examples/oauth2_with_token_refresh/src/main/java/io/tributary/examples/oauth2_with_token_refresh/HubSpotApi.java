package io.tributary.examples.oauth2_with_token_refresh;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Log;
import io.tributary.sdk.http.Auth;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.OAuth2;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;

/**
 * The HubSpot endpoints the example reads (the original's {@code constants.py}), behind an OAuth2 refresh-token
 * grant. The toolkit's {@link OAuth2} keeps the access token, renews it before {@code expires_in} runs out, and
 * after a 401 (a token the server expired early or revoked) fetches a new one and sends the request once more.
 */
final class HubSpotApi {
    static final String DEFAULT_BASE_URL = "https://api.hubapi.com";
    static final String TOKEN_PATH = "oauth/v1/token";
    static final String CONTACTS_PATH = "contacts/v1/lists/all/contacts/all";
    static final String COMPANIES_PATH = "companies/v2/companies/paged";
    static final int CONTACTS_RESPONSE_LIMIT = 100;
    static final int COMPANY_RESPONSE_LIMIT = 250;

    private final HttpApi api;

    private HubSpotApi(HttpApi api) {
        this.api = api;
    }

    /** Fails with the missing key's name when client_id, client_secret or refresh_token is absent. */
    static HubSpotApi connect(Configuration configuration, RequestPolicy policy) {
        Auth auth = OAuth2.refreshToken(TOKEN_PATH, configuration.require("client_id"),
                        configuration.require("client_secret"), configuration.require("refresh_token"))
                .credentialsInBody() // HubSpot wants client_id and client_secret as form fields
                .onNewRefreshToken(t -> Log.warning("HubSpot issued a new refresh token; this sync uses it, but "
                        + "put it in the configuration's refresh_token for the next one"))
                .build();
        return new HubSpotApi(HttpApi.builder()
                .baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .policy(policy)
                .auth(auth)
                .userAgent("tributary-example-oauth2-with-token-refresh")
                .build());
    }

    /** All contacts, 100 a page; {@code vid-offset} is the cursor of the next page while {@code has-more} is true. */
    Paginator contacts() {
        return Paginator.cursor(api.get(CONTACTS_PATH).query("count", CONTACTS_RESPONSE_LIMIT), "vidOffset")
                .cursorAt("/vid-offset").hasMoreAt("/has-more").records("/contacts").build();
    }

    /** All companies with their name property, 250 a page, continued with {@code offset}. */
    Paginator companies() {
        return Paginator.cursor(api.get(COMPANIES_PATH).query("properties", "name")
                        .query("limit", COMPANY_RESPONSE_LIMIT), "offset")
                .cursorAt("/offset").hasMoreAt("/has-more").records("/companies").build();
    }
}

package io.tributary.sdk.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Adds credentials to each request of an {@link HttpApi}. Implementations must be thread-safe: parallel
 * workers share one api. For tokens that expire, see {@link TokenAuth}, {@link OAuth2} and {@link SessionLogin}.
 *
 * <pre>{@code
 * HttpApi.builder().baseUrl("https://api.example.com/v1/").auth(Auth.apiKeyHeader("X-Api-Key", key)).build();
 * }</pre>
 */
@FunctionalInterface
public interface Auth {

    /** Returns {@code request} with credentials added. Called before every attempt, on any thread; may block. */
    Request authorize(Request request);

    /**
     * Called once when {@code rejected} (as authorized and sent) got HTTP 401. Return {@code true} when fresh
     * credentials are now available, and the request is sent once more; {@code false} fails it at once.
     */
    default boolean refresh(Request rejected) {
        return false;
    }

    /** No credentials. */
    static Auth none() {
        return request -> request;
    }

    /** A key sent in a header, as in {@code X-Api-Key: <key>}. */
    static Auth apiKeyHeader(String header, String key) {
        Objects.requireNonNull(key, "the API key is null");
        return request -> request.header(header, key);
    }

    /** A key sent as a query parameter (replacing any of that name); masked in logs and errors. */
    static Auth apiKeyQuery(String parameter, String key) {
        Objects.requireNonNull(key, "the API key is null");
        return request -> request.withQuery(parameter, key);
    }

    /** HTTP Basic: {@code Authorization: Basic base64(user:password)}. */
    static Auth basic(String user, String password) {
        String encoded = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> request.header("Authorization", "Basic " + encoded);
    }

    /** A fixed bearer token: {@code Authorization: Bearer <token>}. */
    static Auth bearer(String token) {
        Objects.requireNonNull(token, "the bearer token is null");
        return request -> request.header("Authorization", "Bearer " + token);
    }
}

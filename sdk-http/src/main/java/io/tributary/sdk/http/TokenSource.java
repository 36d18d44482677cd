package io.tributary.sdk.http;

/**
 * Obtains a new token: a login call, an OAuth2 grant, or anything of your own. {@link TokenAuth} calls it under
 * its lock, so at most one fetch runs at a time per {@link TokenAuth}.
 */
@FunctionalInterface
public interface TokenSource {
    /**
     * Fetches a token. Send the calls through {@code api} with {@link Request#withoutAuth()}, so they get the
     * api's retries and rate limits without asking for the token being fetched.
     */
    Token fetch(HttpApi api);
}

package io.tributary.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.ConnectorException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link TokenSource} that logs in: sends a login request and reads the session token from the JSON body
 * (or a response header), with its lifetime from the body or a fixed TTL. Wrap it in a {@link TokenAuth}.
 *
 * <pre>{@code
 * Auth auth = TokenAuth.builder(SessionLogin.with(api -> api.post("auth/login")
 *                 .jsonBody(Map.of("username", user, "password", password)))
 *             .tokenAt("/token").expiresInAt("/expires_in").build())
 *         .header("X-Session-Token", "").build();
 * }</pre>
 */
public final class SessionLogin implements TokenSource {
    private final Function<HttpApi, Request> login;
    private final String tokenPath;
    private final String tokenHeader;
    private final String expiresInPath;
    private final Duration ttl;

    private SessionLogin(Builder b) {
        login = b.login;
        tokenPath = b.tokenPath;
        tokenHeader = b.tokenHeader;
        expiresInPath = b.expiresInPath;
        ttl = b.ttl;
    }

    /** {@code login} builds the login request from the api; it is sent without the api's auth. */
    public static Builder with(Function<HttpApi, Request> login) {
        return new Builder(Objects.requireNonNull(login));
    }

    @Override
    public Token fetch(HttpApi api) {
        Request request = login.apply(api).withoutAuth();
        Instant now = api.policy().clock().instant();
        String token;
        Instant expiresAt;
        if (tokenHeader != null) {
            try (Response r = request.send()) {
                token = r.header(tokenHeader).orElse(null);
                expiresAt = ttl == null ? null : now.plus(ttl);
            }
        } else {
            // Read whole inside the retry loop: a login answer cut short is sent again, not a failed sync.
            JsonNode body = request.json();
            token = Json.text(body, tokenPath);
            expiresAt = expiresInPath != null ? expiry(Json.at(body, expiresInPath), now) : null;
            if (expiresAt == null && ttl != null) {
                expiresAt = now.plus(ttl);
            }
        }
        if (token == null) {
            throw new ConnectorException("the login call " + request + " answered without a token at "
                    + (tokenHeader != null ? "header " + tokenHeader : tokenPath) + "; check the credentials and tokenAt()");
        }
        return new Token(token, expiresAt);
    }

    /** Lifetime in seconds (a number or numeric text) from now; {@code null} when absent or unreadable. */
    static Instant expiry(JsonNode seconds, Instant now) {
        if (seconds == null || seconds.isNull() || seconds.isMissingNode()) {
            return null;
        }
        try {
            long s = seconds.isNumber() ? seconds.asLong() : Long.parseLong(seconds.asText().trim());
            return s > 0 ? now.plusSeconds(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Where the token and its lifetime are. Not thread-safe. */
    public static final class Builder {
        private final Function<HttpApi, Request> login;
        private String tokenPath = "/token";
        private String tokenHeader;
        private String expiresInPath;
        private Duration ttl;

        private Builder(Function<HttpApi, Request> login) {
            this.login = login;
        }

        /** Path of the token in the JSON body ({@code "/token"}, {@code "$.data.session_id"}); default {@code /token}. */
        public Builder tokenAt(String path) {
            tokenPath = Objects.requireNonNull(path);
            tokenHeader = null;
            return this;
        }

        /** Reads the token from a response header instead of the body. */
        public Builder tokenFromHeader(String name) {
            tokenHeader = Objects.requireNonNull(name);
            return this;
        }

        /** Path of the lifetime in seconds in the JSON body. */
        public Builder expiresInAt(String path) {
            expiresInPath = path;
            return this;
        }

        /** A fixed lifetime, used when the response does not say. Without either, the token lives until a 401. */
        public Builder ttl(Duration value) {
            ttl = value;
            return this;
        }

        public SessionLogin build() {
            return new SessionLogin(this);
        }
    }
}

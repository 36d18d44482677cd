package io.tributary.sdk.http;

import io.tributary.sdk.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link Auth} with a token that expires: fetched on first use from a {@link TokenSource}, reused, fetched
 * again shortly before it expires (on the api's policy clock), and after a 401 the request is retried once with
 * a new token. Thread-safe: one fetch at a time; parallel workers wait for it and share the result.
 *
 * <pre>{@code
 * Auth auth = TokenAuth.builder(source).header("X-Session-Token", "").build();   // default: Authorization: Bearer
 * }</pre>
 */
public final class TokenAuth implements Auth {
    private final TokenSource source;
    private final String header;
    private final String prefix;
    private final String queryParam;
    private final Duration refreshEarly;
    private Token token;          // guarded by this
    private Instant refreshAt;    // guarded by this
    private boolean fetching;     // guarded by this

    private TokenAuth(Builder b) {
        source = b.source;
        header = b.header;
        prefix = b.prefix;
        queryParam = b.queryParam;
        refreshEarly = b.refreshEarly;
    }

    public static Builder builder(TokenSource source) {
        return new Builder(Objects.requireNonNull(source));
    }

    @Override
    public Request authorize(Request request) {
        String value = current(request.api()).value();
        return queryParam != null ? request.withQuery(queryParam, value) : request.header(header, prefix + value);
    }

    /** Drops the token the rejected request carried (unless another thread already replaced it). */
    @Override
    public synchronized boolean refresh(Request rejected) {
        if (token != null && carries(rejected, token.value())) {
            token = null;
        }
        return true;
    }

    /** Forgets the token, so the next request fetches a new one. */
    public synchronized void invalidate() {
        token = null;
    }

    private synchronized Token current(HttpApi api) {
        Instant now = api.policy().clock().instant();
        if (token == null || (refreshAt != null && !now.isBefore(refreshAt))) {
            if (token != null) {
                Log.fine("token expires at " + token.expiresAt() + "; fetching a new one");
            }
            if (fetching) {
                throw new IllegalStateException("the token source sent a request that needs the token it is fetching;"
                        + " build its requests with withoutAuth()");
            }
            fetching = true;
            Token fresh;
            try {
                fresh = source.fetch(api);
            } finally {
                fetching = false;
            }
            token = Objects.requireNonNull(fresh, "the token source returned null");
            refreshAt = refreshTime(fresh, now);
        }
        return token;
    }

    // Early by refreshEarly, but never by more than half the lifetime, so short-lived tokens still get used.
    private Instant refreshTime(Token t, Instant now) {
        if (t.expiresAt() == null) {
            return null;
        }
        Duration life = Duration.between(now, t.expiresAt());
        Duration early = life.dividedBy(2).compareTo(refreshEarly) < 0 ? life.dividedBy(2) : refreshEarly;
        return t.expiresAt().minus(early.isNegative() ? Duration.ZERO : early);
    }

    private boolean carries(Request r, String value) {
        return queryParam != null ? r.queryParam(queryParam).map(value::equals).orElse(false)
                : r.header(header).map((prefix + value)::equals).orElse(false);
    }

    /** Where the token goes and how early it is renewed. Not thread-safe. */
    public static final class Builder {
        private final TokenSource source;
        private String header = "Authorization";
        private String prefix = "Bearer ";
        private String queryParam;
        private Duration refreshEarly = Duration.ofSeconds(60);

        private Builder(TokenSource source) {
            this.source = source;
        }

        /** Sends the token as {@code name: prefix + token}; the default is {@code Authorization: Bearer <token>}. */
        public Builder header(String name, String valuePrefix) {
            header = Objects.requireNonNull(name);
            prefix = valuePrefix == null ? "" : valuePrefix;
            queryParam = null;
            return this;
        }

        /** Sends the token as a query parameter instead of a header. */
        public Builder queryParam(String name) {
            queryParam = Objects.requireNonNull(name);
            return this;
        }

        /** How long before expiry a new token is fetched; default 60 s (at most half the token's lifetime). */
        public Builder refreshEarly(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("refreshEarly must not be negative");
            }
            refreshEarly = value;
            return this;
        }

        public TokenAuth build() {
            return new TokenAuth(this);
        }
    }
}

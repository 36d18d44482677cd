package io.tributary.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.ConnectorException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * OAuth2 token grants (RFC 6749) as a {@link TokenAuth}: client credentials (§4.4) and refresh token (§6).
 * The access token goes in {@code Authorization: Bearer}; it is renewed before {@code expires_in} runs out and
 * after a 401.
 *
 * <pre>{@code
 * Auth auth = OAuth2.clientCredentials("https://x.api.accelo.com/oauth2/v0/token", id, secret).scope("read(all)").build();
 * Auth hub = OAuth2.refreshToken(tokenUrl, id, secret, state.getString("refresh_token", configured))
 *         .onNewRefreshToken(t -> state.put("refresh_token", t)).build();
 * }</pre>
 */
public final class OAuth2 {
    private OAuth2() {
    }

    public static Builder clientCredentials(String tokenUrl, String clientId, String clientSecret) {
        return new Builder(tokenUrl, clientId, clientSecret, "client_credentials", null);
    }

    /** Exchanges a refresh token for access tokens; a rotated refresh token is kept and reported. */
    public static Builder refreshToken(String tokenUrl, String clientId, String clientSecret, String refreshToken) {
        return new Builder(tokenUrl, clientId, clientSecret, "refresh_token",
                Objects.requireNonNull(refreshToken, "the refresh token is null"));
    }

    /** The grant's options. Not thread-safe; the {@link TokenAuth} it builds is. */
    public static final class Builder {
        private final String tokenUrl;
        private final String clientId;
        private final String clientSecret;
        private final String grantType;
        private final String refreshToken;
        private final Map<String, String> extra = new LinkedHashMap<>();
        private boolean credentialsInBody;
        private Consumer<String> onNewRefreshToken = t -> { };
        private Duration refreshEarly = Duration.ofSeconds(60);

        private Builder(String tokenUrl, String clientId, String clientSecret, String grantType, String refreshToken) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "the token URL is null");
            this.clientId = Objects.requireNonNull(clientId, "the client id is null");
            this.clientSecret = clientSecret == null ? "" : clientSecret;
            this.grantType = grantType;
            this.refreshToken = refreshToken;
        }

        public Builder scope(String scope) {
            return param("scope", scope);
        }

        /** Any other form field of the token request, such as {@code audience}. */
        public Builder param(String name, String value) {
            extra.put(name, value);
            return this;
        }

        /** Sends client_id and client_secret as form fields; the default is HTTP Basic, which RFC 6749 requires. */
        public Builder credentialsInBody() {
            credentialsInBody = true;
            return this;
        }

        /** Called (under the token lock) when the server rotates the refresh token; persist it, e.g. in the state. */
        public Builder onNewRefreshToken(Consumer<String> listener) {
            onNewRefreshToken = Objects.requireNonNull(listener);
            return this;
        }

        public Builder refreshEarly(Duration value) {
            refreshEarly = Objects.requireNonNull(value);
            return this;
        }

        public TokenAuth build() {
            return TokenAuth.builder(new Grant(this)).refreshEarly(refreshEarly).build();
        }
    }

    /** One configured grant; {@link TokenAuth} calls {@link #fetch} one at a time. */
    private static final class Grant implements TokenSource {
        private final String tokenUrl;
        private final String clientId;
        private final String clientSecret;
        private final String grantType;
        private final Map<String, String> extra;
        private final boolean credentialsInBody;
        private final Consumer<String> onNewRefreshToken;
        private volatile String refreshToken;

        Grant(Builder b) {
            tokenUrl = b.tokenUrl;
            clientId = b.clientId;
            clientSecret = b.clientSecret;
            grantType = b.grantType;
            extra = Map.copyOf(b.extra);
            credentialsInBody = b.credentialsInBody;
            onNewRefreshToken = b.onNewRefreshToken;
            refreshToken = b.refreshToken;
        }

        @Override
        public Token fetch(HttpApi api) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", grantType);
            if (refreshToken != null) {
                form.put("refresh_token", refreshToken);
            }
            form.putAll(extra);
            Request request = api.post(tokenUrl).withoutAuth().header("Accept", "application/json");
            if (credentialsInBody) {
                form.put("client_id", clientId);
                form.put("client_secret", clientSecret);
            } else {
                // Not form-encoded first (RFC 6749 §2.3.1 says to): most servers compare raw, and secrets
                // with + / = would fail there. Use credentialsInBody() for servers that insist.
                String pair = clientId + ":" + clientSecret;
                request = request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            Instant now = api.policy().clock().instant();
            JsonNode body = request.formBody(form).json();
            String access = Json.text(body, "access_token");
            if (access == null) {
                throw new ConnectorException("the OAuth2 token endpoint " + request.maskedUrl()
                        + " answered without an access_token (fields: " + fieldNames(body) + ")");
            }
            String rotated = Json.text(body, "refresh_token");
            if (refreshToken != null && rotated != null && !rotated.equals(refreshToken)) {
                refreshToken = rotated;
                onNewRefreshToken.accept(rotated);
            }
            return new Token(access, SessionLogin.expiry(body.get("expires_in"), now));
        }

        private static String fieldNames(JsonNode body) {
            StringBuilder sb = new StringBuilder();
            body.fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n));
            return sb.toString();
        }
    }
}

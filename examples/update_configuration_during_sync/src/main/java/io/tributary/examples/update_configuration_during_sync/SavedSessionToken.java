package io.tributary.examples.update_configuration_during_sync;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Log;
import io.tributary.sdk.State;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Token;
import io.tributary.sdk.http.TokenSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A session token kept in the connection's configuration between syncs: the one saved there is used while the
 * state says it is younger than its lifetime; otherwise, and whenever the API refuses it, the connector logs in
 * and saves the new token, and the state records when.
 */
final class SavedSessionToken implements TokenSource {
    static final String TOKEN = "token";
    static final String REFRESHED_AT = "last_token_refresh_time";
    static final Duration LIFETIME = Duration.ofHours(1);

    private final TokenSource login;
    private final Configuration configuration;
    private final ConfigurationSaver saver;
    private final State state;
    private boolean savedTokenTried;

    SavedSessionToken(TokenSource login, Configuration configuration, State state) {
        this.login = login;
        this.configuration = configuration;
        this.saver = new ConfigurationSaver(configuration);
        this.state = state;
    }

    @Override
    public Token fetch(HttpApi api) {
        Instant now = api.policy().clock().instant();
        if (!savedTokenTried) {
            savedTokenTried = true;
            Instant refreshedAt = refreshedAt();
            String saved = configuration.get(TOKEN, "");
            if (!saved.isBlank() && refreshedAt != null && now.isBefore(refreshedAt.plus(LIFETIME))) {
                Log.info("using the session token saved at " + refreshedAt);
                return new Token(saved, refreshedAt.plus(LIFETIME));
            }
        }
        Token fresh = login.fetch(api);
        saver.save(Map.of(TOKEN, fresh.value()));
        state.put(REFRESHED_AT, now.toString());
        return fresh;
    }

    private Instant refreshedAt() {
        String at = state.getString(REFRESHED_AT, null);
        try {
            return at == null ? null : Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            Log.warning("state " + REFRESHED_AT + " is not an instant (" + at + "); logging in again");
            return null;
        }
    }
}

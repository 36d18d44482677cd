package io.tributary.sdk.http;

import java.time.Instant;

/**
 * An access or session token and when it expires ({@code null}: not known, used until a 401).
 *
 * @param value     the secret itself; {@link #toString()} never shows it
 * @param expiresAt when the server stops accepting it
 */
public record Token(String value, Instant expiresAt) {
    public Token {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a token needs a value");
        }
    }

    @Override
    public String toString() {
        return "Token[***, expiresAt=" + expiresAt + "]";
    }
}

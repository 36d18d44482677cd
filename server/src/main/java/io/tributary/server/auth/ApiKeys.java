package io.tributary.server.auth;

import io.tributary.server.store.Ids;
import io.tributary.server.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys. The secret is shown once, at creation; only its SHA-256 is stored (the secret is 32 random
 * characters, so a fast hash suffices) and compared in constant time.
 */
public final class ApiKeys {
    private final Jdbc jdbc;

    /** A key and its secret, as returned once at creation. */
    public record Credentials(String key, String secret, Role role) {
    }

    /** An authenticated caller. */
    public record Caller(String key, Role role) {
    }

    public ApiKeys(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Credentials create(Role role, String description) {
        String key = Ids.random(16);
        String secret = Ids.random(32);
        jdbc.update("INSERT INTO api_keys (api_key, secret_hash, role, description, created_at) VALUES (?, ?, ?, ?, ?)",
                key, hash(secret), role.name(), description, Instant.now());
        return new Credentials(key, secret, role);
    }

    /**
     * On the deployment's first start, an Account Administrator key; empty on every later start, and on every node
     * but one when several start at once. The key is written before the milestone is claimed, so a crash between
     * the two leaves no deployment without a usable first key: the next start makes another.
     */
    public Optional<Credentials> createFirstAdministrator() {
        if (jdbc.count("SELECT count(*) FROM server_milestones WHERE name = 'first_administrator_key'") > 0) {
            return Optional.empty();
        }
        Credentials created = create(Role.ACCOUNT_ADMINISTRATOR, "created on first start");
        try {
            jdbc.update("INSERT INTO server_milestones (name, reached_at) VALUES ('first_administrator_key', ?)",
                    Instant.now());
            return Optional.of(created);
        } catch (Jdbc.DuplicateException anotherNodeWon) {
            jdbc.update("DELETE FROM api_keys WHERE api_key = ?", created.key());
            return Optional.empty();
        }
    }

    public Optional<Caller> verify(String key, String secret) {
        return jdbc.one("SELECT secret_hash, role FROM api_keys WHERE api_key = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2)}, key)
                .filter(row -> MessageDigest.isEqual(row[0].getBytes(StandardCharsets.US_ASCII),
                        hash(secret).getBytes(StandardCharsets.US_ASCII)))
                .map(row -> new Caller(key, Role.valueOf(row[1])));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

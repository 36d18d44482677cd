package io.tributary.playground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Issues access tokens that expire after the playground's token TTL, and checks them. */
final class TokenStore {
    enum Status { VALID, EXPIRED, UNKNOWN }

    private final long seed;
    private final Clock clock;
    private final AtomicLong issued = new AtomicLong();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    TokenStore(long seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
    }

    /** A new token; values are seeded and numbered, so a run issues the same tokens in the same order. */
    String issue(String audience, Duration ttl) {
        long n = issued.incrementAndGet();
        String token = "pg_" + audience + "_" + n + "_" + Seeded.hex(seed, "token", audience, n);
        expiries.put(token, clock.instant().plus(ttl));
        return token;
    }

    Status check(String token) {
        if (token == null) {
            return Status.UNKNOWN;
        }
        Instant expiry = expiries.get(token);
        if (expiry == null) {
            return Status.UNKNOWN;
        }
        return clock.instant().isBefore(expiry) ? Status.VALID : Status.EXPIRED;
    }

    /** Makes every token issued so far expired (they stay known, so clients see "expired", not "unknown"). */
    void expireAll() {
        Instant past = clock.instant().minusSeconds(1);
        expiries.replaceAll((k, v) -> past);
    }

    void clear() {
        expiries.clear();
    }

    /** The token in an "Authorization: Bearer ..." header, or null. */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : null;
    }
}

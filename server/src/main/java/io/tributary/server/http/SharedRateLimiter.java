package io.tributary.server.http;

import io.tributary.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The account's hourly budget shared by every node of a cluster through the store: one token bucket in
 * {@code request_budget}, refilled continuously, from which each node draws a few tokens at a time (one store
 * round trip per chunk, not per request). Tokens a node drew and did not spend before it stopped are lost
 * until the bucket refills, which errs on the side of the limit.
 */
public final class SharedRateLimiter implements RequestBudget {
    private final long perHour;
    private final Database database;
    private final Clock clock;
    private final int chunk;
    private long reserve;      // guarded by this: tokens this node drew and has not spent
    private double sharedLeft; // guarded by this: what the bucket held after this node's last draw

    public SharedRateLimiter(long perHour, Database database, Clock clock) {
        this.perHour = perHour;
        this.database = database;
        this.clock = clock;
        this.chunk = (int) Math.max(1, Math.min(100, perHour / 1_000));
    }

    @Override
    public long perHour() {
        return perHour;
    }

    @Override
    public synchronized Decision acquire() {
        if (reserve == 0) {
            draw();
        }
        if (reserve > 0) {
            reserve--;
            return new Decision(true, (long) sharedLeft + reserve, 0);
        }
        long wait = (long) Math.ceil((1 - sharedLeft) * 3600.0 / perHour);
        return new Decision(false, 0, Math.max(1, wait));
    }

    /** Takes up to a chunk of tokens from the shared bucket, refilling it for the time since its last draw. */
    private void draw() {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                Instant now = clock.instant();
                double tokens;
                Instant refilled;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT tokens, refilled_at FROM request_budget WHERE id = 1 FOR UPDATE");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    double stored = rs.getDouble(1);
                    tokens = rs.wasNull() ? perHour : stored;
                    refilled = rs.getTimestamp(2).toInstant();
                }
                double elapsed = Math.max(0, Duration.between(refilled, now).toNanos()) / 1e9;
                tokens = Math.min(perHour, tokens + elapsed * perHour / 3600.0);
                long granted = (long) Math.min(chunk, Math.floor(tokens));
                tokens -= granted;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE request_budget SET tokens = ?, refilled_at = ? WHERE id = 1")) {
                    ps.setDouble(1, tokens);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.executeUpdate();
                }
                c.commit();
                reserve = granted;
                sharedLeft = tokens;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot draw from the shared request budget: " + e.getMessage(), e);
        }
    }
}

package io.tributary.server.http;

/** The account's hourly API budget, which every request draws one from. */
public interface RequestBudget {
    /** What one request was granted. */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    long perHour();

    Decision acquire();
}

package io.tributary.examples.incremental_sync_strategies;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.http.HttpApi;

/** One way of reading only what changed: it upserts into {@code user} and keeps its own cursor in the state. */
interface SyncStrategy {
    String TABLE = "user";

    void sync(HttpApi api, Configuration configuration, State state, Operations operations);
}

package io.tributary.client;

import java.util.Map;
import java.util.stream.Stream;

/** {@code /v1/transformations}. Runs are fire-and-forget; {@link #waiter()} waits for one to end. */
public final class Transformations {
    private final TributaryClient client;
    private final Sleeper sleeper;

    Transformations(TributaryClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /** Every transformation of the account, fetched lazily page by page. */
    public Stream<Transformation> list() {
        return client.list("transformations", Transformation.class);
    }

    /** Every transformation of a group. */
    public Stream<Transformation> inGroup(String groupId) {
        return client.list("transformations?group_id=" + TributaryClient.segment(groupId), Transformation.class);
    }

    public Transformation get(String id) {
        return client.read(client.call("GET", path(id), null).path("data"), Transformation.class);
    }

    public Transformation create(TransformationRequest request) {
        return client.read(client.call("POST", "transformations", request).path("data"), Transformation.class);
    }

    /** Changes the request's non-null fields. */
    public Transformation update(String id, TransformationRequest changes) {
        return client.read(client.call("PATCH", path(id), changes).path("data"), Transformation.class);
    }

    public void delete(String id) {
        client.call("DELETE", path(id), null);
    }

    /**
     * Asks for a run ({@code full_refresh} rebuilds incremental models from scratch). Returns at once: the run
     * is queued, and a request while one is queued joins it. To wait for the end, use {@link #waiter()}.
     */
    public void run(String id, boolean fullRefresh) {
        client.call("POST", path(id) + "/run", Map.of("full_refresh", fullRefresh));
    }

    /** Cancels the queued or running run; an {@link ApiError} 409 when there is none. */
    public void cancel(String id) {
        client.call("POST", path(id) + "/cancel", Map.of());
    }

    /** Runs a transformation and waits until the run ends (see {@link TransformationWaiter}). */
    public TransformationWaiter waiter() {
        return new TransformationWaiter(this, sleeper);
    }

    static String path(String id) {
        return "transformations/" + TributaryClient.segment(id);
    }
}

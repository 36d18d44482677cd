package io.tributary.client;

import io.tributary.api.model.Destination;
import io.tributary.api.model.DestinationRequest;
import java.util.Map;
import java.util.stream.Stream;

/** {@code /v1/destinations}: one per group, sharing its id. */
public final class Destinations {
    private final TributaryClient client;

    Destinations(TributaryClient client) {
        this.client = client;
    }

    public Stream<Destination> list() {
        return client.list("destinations", Destination.class);
    }

    public Destination create(String groupId, String service, String timeZoneOffset, Map<String, Object> config) {
        DestinationRequest request = new DestinationRequest(groupId, service, null, timeZoneOffset, null, null, true,
                null, null, config);
        return client.read(client.callSlow("POST", "destinations", request).path("data"), Destination.class);
    }

    public Destination get(String id) {
        return client.read(client.call("GET", "destinations/" + TributaryClient.segment(id), null).path("data"),
                Destination.class);
    }

    /** Runs the setup tests again; slow, so it gets the longer timeout. */
    public Destination test(String id) {
        return client.read(client.callSlow("POST", "destinations/" + TributaryClient.segment(id) + "/test", Map.of())
                .path("data"), Destination.class);
    }

    public void delete(String id) {
        client.call("DELETE", "destinations/" + TributaryClient.segment(id), null);
    }
}

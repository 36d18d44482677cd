package io.tributary.client;

import io.tributary.api.model.Connection;
import java.util.Map;
import java.util.stream.Stream;

/** {@code /v1/connections}: reading connections and running their setup tests. */
public final class Connections {
    private final TributaryClient client;

    Connections(TributaryClient client) {
        this.client = client;
    }

    public Connection get(String id) {
        return client.read(client.call("GET", path(id), null).path("data"), Connection.class);
    }

    /** Every connection of the account, fetched lazily page by page. */
    public Stream<Connection> list() {
        return client.list("connections", Connection.class);
    }

    /** Every connection of a group, across all pages. */
    public Stream<Connection> inGroup(String groupId) {
        return inGroup(groupId, TributaryClient.MAX_PAGE_SIZE);
    }

    /** Every connection of a group, across all pages of {@code pageSize} (1 to 1000) items each. */
    public Stream<Connection> inGroup(String groupId, int pageSize) {
        return client.list("groups/" + TributaryClient.segment(groupId) + "/connections", Connection.class, pageSize);
    }

    /**
     * Runs the connection's setup tests again ({@code POST .../test}) and returns the connection with their
     * results in {@code setup_tests} and the new {@code status.setup_state}. Trusting certificates or
     * fingerprints approves whichever ones the tests meet, as the UI's "approve" does. Slow: the longer timeout.
     */
    public Connection test(String id, boolean trustCertificates, boolean trustFingerprints) {
        Map<String, Boolean> body = Map.of("trust_certificates", trustCertificates, "trust_fingerprints", trustFingerprints);
        return client.read(client.callSlow("POST", path(id) + "/test", body).path("data"), Connection.class);
    }

    private static String path(String id) {
        return "connections/" + TributaryClient.segment(id);
    }
}

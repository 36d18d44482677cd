package io.tributary.client;

import io.tributary.api.model.ConnectorSdkPackage;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Connector SDK packages, {@code /v1/connector-sdk/packages}: the code a {@code connector_sdk} connection runs,
 * uploaded as a zip and named by the connection's {@code config.package_id}.
 */
public final class Packages {
    private static final String PATH = "connector-sdk/packages";
    private final TributaryClient client;

    Packages(TributaryClient client) {
        this.client = client;
    }

    public Stream<ConnectorSdkPackage> list() {
        return client.list(PATH, ConnectorSdkPackage.class);
    }

    public ConnectorSdkPackage get(String id) {
        return client.read(client.call("GET", PATH + "/" + TributaryClient.segment(id), null).path("data"),
                ConnectorSdkPackage.class);
    }

    /** Uploads a package zip. Not retried after it may have reached the server, as every create. */
    public ConnectorSdkPackage upload(Path zip) {
        return client.read(client.callSlow("POST", PATH, file(zip)).path("data"), ConnectorSdkPackage.class);
    }

    /** Replaces a package's code; its connection runs the new code from its next sync. */
    public ConnectorSdkPackage update(String id, Path zip) {
        return client.read(client.callSlow("PATCH", PATH + "/" + TributaryClient.segment(id), file(zip))
                .path("data"), ConnectorSdkPackage.class);
    }

    /** Deletes a package no connection uses. */
    public void delete(String id) {
        client.call("DELETE", PATH + "/" + TributaryClient.segment(id), null);
    }

    private static FileUpload file(Path zip) {
        return new FileUpload("file", zip, "application/zip");
    }
}

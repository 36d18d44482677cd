package io.tributary.server.connections;

import java.util.List;
import java.util.Map;

/**
 * A connector service as {@code /v1/metadata/connector-types} describes it. {@code config} and {@code auth} are the
 * JSON-schema-like descriptions of the service's fields, shown by the details endpoint only.
 */
public record ConnectorType(String id, String name, String type, String description, String linkToDocs,
                            String connectorClass, List<Feature> supportedFeatures, String serviceStatus,
                            Map<String, Object> config, Map<String, Object> auth) {

    /** A feature of the service; {@code id} is one of the definition's (CAPTURE_DELETES, RE_SYNC, …). */
    public record Feature(String id, String notes) {
    }

    /** The list form: without the field descriptions. */
    public ConnectorType summary() {
        return new ConnectorType(id, name, type, description, linkToDocs, connectorClass, supportedFeatures,
                serviceStatus, null, null);
    }
}

package io.tributary.server.connections;

import io.tributary.api.model.SetupTest;
import io.tributary.server.http.ApiException;
import java.util.List;
import java.util.Map;

/** A kind of connection the server can run: its configuration rules, secrets and setup tests. */
public interface ConnectorService {

    /** The service name of the API ({@code connector_sdk}). */
    String name();

    /** Checks a new connection's configuration and returns it normalized; {@link ApiException} names the field. */
    Map<String, Object> validate(Map<String, Object> config);

    /**
     * Applies a PATCH's configuration to the stored one: keys given replace, null removes, and a masked secret
     * ("******", as responses show it) keeps the stored value. Returns the validated result.
     */
    Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> patch);

    /** The configuration as responses show it: every secret masked. */
    Map<String, Object> shown(Map<String, Object> config);

    /** The destination schema the connection loads into, from its configuration. */
    String schema(Map<String, Object> config);

    /** The setup tests of the configuration itself (the API adds the destination's). */
    List<SetupTest> test(Map<String, Object> config);

    /** Whether the connection keeps a connector state ({@code GET|PATCH .../state}). */
    boolean supportsState();

    /** How {@code /v1/metadata/connector-types} describes the service. */
    ConnectorType metadata();

    /** Every service the server runs, by name. */
    static List<ConnectorService> all() {
        return List.of(new ConnectorSdkService());
    }

    static ConnectorService of(String service) {
        if (service == null || service.isBlank()) {
            throw ApiException.required("service");
        }
        if (service.equals(ConnectorSdkService.NAME)) {
            return new ConnectorSdkService();
        }
        throw ApiException.invalid("Unsupported connector service '" + service + "': use " + ConnectorSdkService.NAME);
    }
}

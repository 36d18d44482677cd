package io.tributary.examples.update_configuration_during_sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.client.ApiError;
import io.tributary.client.TributaryClient;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import io.tributary.sdk.SyncEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a changed configuration back to the connection through the REST API ({@code PATCH /v1/connections/{id}}),
 * so the next sync starts with it. A connector_sdk connection keeps its configuration in {@code config.secrets_list},
 * which a PATCH replaces whole: every value is sent, the changed ones with their new values.
 */
final class ConfigurationSaver {
    static final String API_KEY = "fivetran_api_key";
    static final String API_URL = "fivetran_api_url";

    private final Configuration configuration;
    private final SyncEnvironment environment;

    ConfigurationSaver(Configuration configuration) {
        this.configuration = configuration;
        this.environment = configuration.environment();
    }

    /** Saves the configuration with {@code changes} applied; a local run only says what it would save. */
    void save(Map<String, String> changes) {
        if (environment.isLocalDebug()) {
            Log.warning("running locally, so " + changes.keySet() + " stays in this sync only: the connection's "
                    + "configuration is saved through the REST API when the connector runs deployed");
            return;
        }
        Map<String, String> values = new TreeMap<>(configuration.asMap());
        values.putAll(changes);
        ArrayNode secrets = JsonNodeFactory.instance.arrayNode();
        values.forEach((key, value) -> secrets.addObject().put("key", key).put("value", value));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("config").set("secrets_list", secrets);
        String connection = environment.connectionId();
        try {
            client().connections().update(connection, body);
        } catch (ApiError e) {
            throw new ConnectorException("saving " + changes.keySet() + " in the configuration of connection "
                    + connection + " failed: " + e.getMessage() + "; check " + API_KEY + " (an API key allowed to "
                    + "edit the connection) and " + API_URL, e);
        }
        Log.info("saved " + changes.keySet() + " in the configuration of connection " + connection);
    }

    private TributaryClient client() {
        String[] keyAndSecret = apiKeyAndSecret();
        return TributaryClient.builder()
                .baseUrl(configuration.get(API_URL, TributaryClient.FIVETRAN_CLOUD))
                .apiKey(keyAndSecret[0])
                .apiSecret(keyAndSecret[1])
                .build();
    }

    /** {@code fivetran_api_key} is base64 of {@code key:secret}, as Fivetran's deploy command takes it. */
    private String[] apiKeyAndSecret() {
        String encoded = configuration.require(API_KEY).trim();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw new Configuration.ConfigurationException(API_KEY, "configuration key '" + API_KEY + "' must be the "
                    + "base64 of <api key>:<api secret>, as `echo -n key:secret | base64` prints it");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}

package io.tributary.server.orchestration;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tributary.api.ApiJson;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@code connector_sdk} connection's config into a connector instance and its configuration: the class
 * named by {@code connector_class}, loaded from the server's connector class path; the configuration is every
 * other key, with each {@code secrets_list} entry as a key of its own (the way Fivetran hands secrets over).
 */
final class ConnectorLoader {
    private static final Set<String> SERVICE_KEYS = Set.of("schema", "package_id", "python_version",
            "connector_class", "proxy_host_config_key", "secrets_list");
    private final ClassLoader classes;

    ConnectorLoader(ClassLoader classes) {
        this.classes = classes;
    }

    /** Thrown with a message that says what to change. */
    static final class LoadException extends RuntimeException {
        LoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Connector connector(Map<String, Object> config) {
        Object name = config.get("connector_class");
        if (name == null) {
            throw new LoadException(config.containsKey("package_id")
                    ? "config.package_id names an uploaded package, which this server cannot run yet; set "
                    + "config.connector_class to a connector class on the server's connector path instead"
                    : "config.connector_class is not set; set it to a connector class on the server's connector path",
                    null);
        }
        Class<?> type;
        try {
            type = Class.forName(name.toString(), true, classes);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LoadException("connector class " + name + " was not found on the server's connector path ("
                    + e + "); put its jar in the directory given by --connector-path and restart the server", e);
        }
        if (!Connector.class.isAssignableFrom(type)) {
            throw new LoadException("class " + name + " does not implement io.tributary.sdk.Connector", null);
        }
        try {
            return (Connector) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new LoadException("cannot create connector " + name + " through its public no-argument "
                    + "constructor: " + cause, cause);
        }
    }

    static Configuration configuration(Map<String, Object> config) {
        Map<String, String> values = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (!SERVICE_KEYS.contains(k) && v != null) {
                values.put(k, v instanceof String s ? s : json(v));
            }
        });
        if (config.get("secrets_list") instanceof List<?> secrets) {
            for (Object item : secrets) {
                Map<?, ?> secret = (Map<?, ?>) item;
                values.put(secret.get("key").toString(), secret.get("value").toString());
            }
        }
        return Configuration.of(values);
    }

    private static String json(Object value) {
        try {
            return ApiJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

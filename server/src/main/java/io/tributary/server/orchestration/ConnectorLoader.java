package io.tributary.server.orchestration;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tributary.api.ApiJson;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@code connector_sdk} connection's config into a connector instance and its configuration: the class
 * that the uploaded package of {@code package_id} names, loaded from that package; else the class named by
 * {@code connector_class}, loaded from the server's connector class path. The configuration is every other key,
 * with each {@code secrets_list} entry as a key of its own (the way Fivetran hands secrets over).
 */
final class ConnectorLoader {
    private static final Logger LOG = LoggerFactory.getLogger("tributary");
    private static final Set<String> SERVICE_KEYS = Set.of("schema", "package_id", "python_version",
            "connector_class", "proxy_host_config_key", "secrets_list");
    private final ClassLoader classes;
    private final PackageCache packages;

    ConnectorLoader(ClassLoader classes, PackageCache packages) {
        this.classes = classes;
        this.packages = packages;
    }

    /** Thrown with a message that says what to change. */
    static final class LoadException extends RuntimeException {
        LoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Connector connector(Map<String, Object> config) {
        Object packageId = config.get("package_id");
        if (packageId != null) {
            PackageCache.Loaded loaded = packages.load(packageId.toString());
            LOG.info("running {} from Connector SDK package {} (SHA-256 {})", loaded.connectorClass(),
                    loaded.packageId(), loaded.sha256());
            return instantiate(loaded.connectorClass(), loaded.classLoader(), "in Connector SDK package "
                    + loaded.packageId(), "build the package again with the connector's classes and the jars they "
                    + "need, and upload it with PATCH /v1/connector-sdk/packages/" + loaded.packageId());
        }
        Object name = config.get("connector_class");
        if (name == null) {
            throw new LoadException("config.connector_class is not set; set it to a connector class on the server's "
                    + "connector path, or set config.package_id to an uploaded Connector SDK package", null);
        }
        return instantiate(name.toString(), classes, "on the server's connector path", "put its jar in the "
                + "directory given by --connector-path and restart the server");
    }

    private static Connector instantiate(String name, ClassLoader loader, String where, String fix) {
        Class<?> type;
        try {
            type = Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LoadException("connector class " + name + " was not found " + where + " (" + e + "); " + fix, e);
        }
        if (!Connector.class.isAssignableFrom(type)) {
            throw new LoadException("class " + name + " does not implement io.tributary.sdk.Connector", null);
        }
        try {
            return (Connector) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
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

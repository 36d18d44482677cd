package io.tributary.server.connections;

import io.tributary.api.model.SetupTest;
import io.tributary.server.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code connector_sdk}: a connection that runs connector code, as Fivetran's Connector SDK deploys it. Config
 * (connector_sdk_config_V1 plus schema_format_schema): {@code schema} (the destination schema, fixed at
 * creation), {@code package_id} (an uploaded Connector SDK package, which runs instead of {@code connector_class}),
 * {@code python_version}, {@code secrets_list} [{key, value}] whose values are secrets, and Tributary's
 * {@code connector_class}, a connector class on the server's class path. Other keys are kept; those that look
 * secret are masked. Which connection a package serves is checked by the connections API.
 */
final class ConnectorSdkService implements ConnectorService {
    static final String NAME = "connector_sdk";
    // The SDK's rule for connection names, which become schema names; 63 is PostgreSQL's identifier limit.
    private static final Pattern SCHEMA = Pattern.compile("[_a-z][_a-z0-9]{0,62}");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    /** Keys of the service itself: never secrets, though "proxy_host_config_key" looks like one. */
    private static final Set<String> OWN_KEYS = Set.of("schema", "package_id", "python_version", "connector_class",
            "proxy_host_config_key", "secrets_list");
    private static final String CODE_TEST = "Connector code";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        String schema = text(config, "schema");
        if (schema == null) {
            throw ApiException.required("config.schema");
        }
        if (!SCHEMA.matcher(schema).matches()) {
            throw ApiException.invalid("Field 'config.schema' must be 1 to 63 lower-case letters, digits and "
                    + "underscores, not starting with a digit; got '" + schema + "'");
        }
        out.put("schema", schema);
        putText(out, config, "package_id");
        String className = text(config, "connector_class");
        if (className != null && !CLASS_NAME.matcher(className).matches()) {
            throw ApiException.invalid("Field 'config.connector_class' must be a Java class name such as "
                    + "com.example.MyConnector; got '" + className + "'");
        }
        putText(out, config, "connector_class");
        putText(out, config, "python_version");
        putText(out, config, "proxy_host_config_key");
        if (config.get("secrets_list") != null) {
            out.put("secrets_list", secrets(config.get("secrets_list")));
        }
        config.forEach((k, v) -> {
            if (!OWN_KEYS.contains(k) && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> patch) {
        Object schema = patch.get("schema");
        if (patch.containsKey("schema") && !stored.get("schema").equals(schema)) {
            throw ApiException.invalid("Field 'config.schema' cannot be changed: the destination schema is fixed "
                    + "when the connection is created");
        }
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        patch.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else if (k.equals("secrets_list")) {
                merged.put(k, keepMasked(v, stored.get(k)));
            } else if (Secrets.isMask(v) && isSecretKey(k)) {
                if (!stored.containsKey(k)) {
                    throw ApiException.invalid("Field 'config." + k + "' is the mask \"" + Secrets.MASK
                            + "\"; send the secret itself");
                }
            } else {
                merged.put(k, v);
            }
        });
        return validate(merged);
    }

    @Override
    public Map<String, Object> shown(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (k.equals("secrets_list") && v instanceof List<?> list) {
                List<Map<String, Object>> masked = new ArrayList<>();
                for (Object item : list) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("key", ((Map<?, ?>) item).get("key"));
                    entry.put("value", Secrets.MASK);
                    masked.add(entry);
                }
                out.put(k, masked);
            } else {
                out.put(k, isSecretKey(k) ? Secrets.MASK : v);
            }
        });
        return out;
    }

    @Override
    public String schema(Map<String, Object> config) {
        return config.get("schema").toString();
    }

    @Override
    public List<SetupTest> test(Map<String, Object> config) {
        if (config.containsKey("connector_class") || config.containsKey("package_id")) {
            return List.of(new SetupTest(CODE_TEST, "PASSED", ""));
        }
        return List.of(new SetupTest(CODE_TEST, "FAILED", "Set config.connector_class (a connector class on the "
                + "server's class path) or config.package_id (an uploaded connector package)"));
    }

    @Override
    public boolean supportsState() {
        return true;
    }

    @Override
    public ConnectorType metadata() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("schema", field("string", "The destination schema; 1 to 63 lower-case letters, digits and "
                + "underscores. Fixed at creation"));
        properties.put("connector_class", field("string", "A connector class on the server's class path, such as "
                + "com.example.MyConnector"));
        properties.put("package_id", field("string", "The id of an uploaded Connector SDK package (POST "
                + "/v1/connector-sdk/packages), run instead of connector_class; a package serves one connection"));
        properties.put("python_version", field("string", "Kept for Fivetran's Connector SDK; unused by Tributary"));
        properties.put("proxy_host_config_key", field("string", "Kept for Fivetran's Connector SDK"));
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("type", "object");
        secret.put("properties", Map.of("key", field("string", "The secret's name"),
                "value", Map.of("type", "string", "format", "password", "description",
                        "The secret's value; responses show it masked")));
        secret.put("required", List.of("key", "value"));
        Map<String, Object> secrets = new LinkedHashMap<>();
        secrets.put("type", "array");
        secrets.put("description", "Secrets the connector reads from its configuration");
        secrets.put("items", secret);
        properties.put("secrets_list", secrets);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "object");
        config.put("properties", properties);
        config.put("required", List.of("schema"));
        // Other keys are passed to the connector as its configuration.
        config.put("additionalProperties", true);
        return new ConnectorType(NAME, "Connector SDK", "Function",
                "Runs connector code written with Tributary's SDK, which follows Fivetran's Connector SDK",
                "https://fivetran.com/docs/connector-sdk", "standard",
                List.of(new ConnectorType.Feature("API_CONFIGURABLE", null),
                        new ConnectorType.Feature("CAPTURE_DELETES", "When the connector reports deletes"),
                        new ConnectorType.Feature("RE_SYNC", "Connection and table level")),
                "general_availability", config, Map.of());
    }

    private static Map<String, Object> field(String type, String description) {
        return Map.of("type", type, "description", description);
    }

    private static boolean isSecretKey(String key) {
        return !OWN_KEYS.contains(key) && Secrets.looksSecret(key);
    }

    /** The secrets as [{key, value}] with text values; each key once. */
    private static List<Map<String, Object>> secrets(Object value) {
        if (!(value instanceof List<?> list)) {
            throw ApiException.invalid("Field 'config.secrets_list' must be a list of {\"key\": …, \"value\": …}");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "config.secrets_list[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                throw ApiException.invalid("Field '" + field + "' must be an object {\"key\": …, \"value\": …}");
            }
            Object key = item.get("key");
            if (!(key instanceof String k) || k.isBlank()) {
                throw ApiException.required(field + ".key");
            }
            Object secret = item.get("value");
            if (secret == null || secret instanceof Map || secret instanceof List) {
                throw ApiException.invalid("Field '" + field + ".value' must be text");
            }
            if (!keys.add(k)) {
                throw ApiException.invalid("Field 'config.secrets_list' has the key '" + k + "' more than once");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", k);
            entry.put("value", secret.toString());
            out.add(entry);
        }
        return out;
    }

    /** A new secrets list in which a masked value keeps the stored value of the same key. */
    private static Object keepMasked(Object patch, Object stored) {
        if (!(patch instanceof List<?> items)) {
            return patch;
        }
        Map<Object, Object> old = new LinkedHashMap<>();
        if (stored instanceof List<?> storedItems) {
            for (Object s : storedItems) {
                old.put(((Map<?, ?>) s).get("key"), ((Map<?, ?>) s).get("value"));
            }
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> m && Secrets.isMask(m.get("value"))) {
                if (!old.containsKey(m.get("key"))) {
                    throw ApiException.invalid("Field 'config.secrets_list' gives the mask \"" + Secrets.MASK
                            + "\" for the new key '" + m.get("key") + "'; send the secret itself");
                }
                Map<String, Object> kept = new LinkedHashMap<>();
                kept.put("key", m.get("key"));
                kept.put("value", old.get(m.get("key")));
                out.add(kept);
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static String text(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw ApiException.invalid("Field 'config." + key + "' must be text");
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static void putText(Map<String, Object> out, Map<String, Object> config, String key) {
        String v = text(config, key);
        if (v != null) {
            out.put(key, v);
        }
    }
}

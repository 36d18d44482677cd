package io.tributary.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The connection's configuration: a flat map of string values, at most {@value #MAX_KEYS} keys, as in
 * {@code configuration.json}. Typed getters parse the strings; their errors name the key.
 * {@link #toString()} masks the values of keys that look secret.
 */
public final class Configuration {
    public static final int MAX_KEYS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|passphrase|pwd|secret|token|key|private|credential|auth|fernet|session"
                    + "|signature).*");
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off");

    private final Map<String, String> values;
    private final SyncEnvironment environment;

    private Configuration(Map<String, String> values, SyncEnvironment environment) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.environment = environment;
    }

    public static Configuration of(Map<String, String> values) {
        if (values.size() > MAX_KEYS) {
            throw new ConfigurationException(null,
                    "configuration has " + values.size() + " keys; at most " + MAX_KEYS + " are allowed");
        }
        values.forEach((k, v) -> {
            if (k == null || k.isBlank()) {
                throw new ConfigurationException(k, "configuration keys must be non-empty");
            }
            if (v == null) {
                throw new ConfigurationException(k, "configuration key '" + k + "' has no value; use \"\" for empty");
            }
        });
        return new Configuration(values, SyncEnvironment.localDebug());
    }

    public static Configuration empty() {
        return new Configuration(Map.of(), SyncEnvironment.localDebug());
    }

    /** The connection this sync is for and how it is deployed; a local run's when the runner gave none. */
    public SyncEnvironment environment() {
        return environment;
    }

    /** The same values in another environment; runners call this, connectors need not. */
    public Configuration withEnvironment(SyncEnvironment environment) {
        return new Configuration(values, Objects.requireNonNull(environment, "environment"));
    }

    /** Whether a key's value is kept out of logs: passwords, secrets, tokens, API keys and the like. */
    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value, or {@code null} when the key is absent. */
    public String get(String key) {
        return values.get(key);
    }

    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /** The value; throws when it is absent or blank. */
    public String require(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new ConfigurationException(key,
                    "configuration key '" + key + "' is required; add it to configuration.json");
        }
        return v;
    }

    public int getInt(String key, int defaultValue) {
        return has(key) && !get(key).isBlank() ? requireInt(key) : defaultValue;
    }

    public int requireInt(String key) {
        String v = require(key).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a whole number");
        }
    }

    public long getLong(String key, long defaultValue) {
        return has(key) && !get(key).isBlank() ? requireLong(key) : defaultValue;
    }

    public long requireLong(String key) {
        String v = require(key).trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a whole number");
        }
    }

    public double getDouble(String key, double defaultValue) {
        if (!has(key) || get(key).isBlank()) {
            return defaultValue;
        }
        String v = get(key).trim();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a number");
        }
    }

    /** Parses true/false, yes/no, y/n, 1/0 and on/off, in any case. */
    public boolean getBoolean(String key, boolean defaultValue) {
        if (!has(key) || get(key).isBlank()) {
            return defaultValue;
        }
        String v = get(key).trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        throw invalid(key, get(key), "true or false");
    }

    /** A JSON array of strings, or comma-separated values; blanks are dropped. Absent means empty. */
    public List<String> getList(String key) {
        String v = get(key, "").trim();
        List<String> out = new ArrayList<>();
        if (v.startsWith("[")) {
            JsonNode node = parse(key, v);
            if (!node.isArray()) {
                throw invalid(key, v, "a JSON array or comma-separated values");
            }
            node.forEach(item -> out.add(item.isTextual() ? item.asText() : item.toString()));
            return out;
        }
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** The value parsed as a JSON object. */
    public ObjectNode getJsonObject(String key) {
        JsonNode node = parse(key, require(key));
        if (!node.isObject()) {
            throw invalid(key, get(key), "a JSON object");
        }
        return (ObjectNode) node;
    }

    public Map<String, String> asMap() {
        return values;
    }

    public int size() {
        return values.size();
    }

    private JsonNode parse(String key, String v) {
        try {
            return JSON.readTree(v);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(key, "configuration key '" + key + "' is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private ConfigurationException invalid(String key, String value, String expected) {
        String shown = isSecretKey(key) ? "******" : "\"" + value + "\"";
        return new ConfigurationException(key,
                "configuration key '" + key + "' must be " + expected + ", got " + shown);
    }

    /** The values, with those of secret-looking keys masked. */
    @Override
    public String toString() {
        Map<String, String> masked = new TreeMap<>();
        values.forEach((k, v) -> masked.put(k, isSecretKey(k) ? "******" : v));
        return masked.toString();
    }

    /** A configuration problem; {@link #key()} names the key when there is one. */
    public static final class ConfigurationException extends ConnectorException {
        private final String key;

        public ConfigurationException(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}

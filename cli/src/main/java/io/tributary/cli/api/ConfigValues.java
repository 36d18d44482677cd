package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.cli.project.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Connection config values from the command line: {@code key=value} sets text, {@code key:=JSON} a typed value
 * (a number, true/false, a list), and {@code secrets_list.NAME=value} one entry of a Connector SDK connection's
 * secrets list. Also finds the secrets a response masks, so that a copy can ask for them.
 */
final class ConfigValues {
    static final String MASK = "******";
    private static final String SECRETS_LIST = "secrets_list";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigValues() {
    }

    /** The values as a config object, in the order given. */
    static ObjectNode parse(List<String> assignments) {
        ObjectNode config = JSON.createObjectNode();
        for (String assignment : assignments) {
            put(config, assignment);
        }
        return config;
    }

    /**
     * Sets {@code config}'s values from {@code overrides} (made by {@link #parse}): objects are merged member by
     * member, so {@code tunnel:={"password": …}} keeps the tunnel's other settings; secrets list entries by key.
     */
    static void apply(ObjectNode config, ObjectNode overrides) {
        overrides.fields().forEachRemaining(e -> {
            JsonNode current = config.get(e.getKey());
            if (e.getKey().equals(SECRETS_LIST) && current instanceof ArrayNode list && e.getValue().isArray()) {
                e.getValue().forEach(entry -> putSecret(list, entry.path("key").asText(), entry.path("value")));
            } else if (current instanceof ObjectNode object && e.getValue() instanceof ObjectNode patch) {
                apply(object, patch);
            } else {
                config.set(e.getKey(), e.getValue());
            }
        });
    }

    /**
     * The values shown masked, which cannot be copied, by name: {@code key}, {@code secrets_list.NAME}, or
     * {@code parent.key} inside an object.
     */
    static List<String> masked(JsonNode config) {
        List<String> names = new ArrayList<>();
        config.fields().forEachRemaining(e -> {
            if (e.getKey().equals(SECRETS_LIST) && e.getValue().isArray()) {
                e.getValue().forEach(entry -> {
                    if (MASK.equals(entry.path("value").asText(null))) {
                        names.add(SECRETS_LIST + "." + entry.path("key").asText());
                    }
                });
            } else {
                maskedIn(e.getValue(), e.getKey(), names);
            }
        });
        return names;
    }

    private static void maskedIn(JsonNode value, String name, List<String> names) {
        if (value.isTextual() && MASK.equals(value.textValue())) {
            names.add(name);
        } else if (value.isObject()) {
            value.fields().forEachRemaining(e -> maskedIn(e.getValue(), name + "." + e.getKey(), names));
        }
    }

    /** A copy of a request whose config shows these values (named as {@link #masked} names them) masked. */
    static JsonNode hide(JsonNode request, List<String> names) {
        JsonNode copy = request.deepCopy();
        if (!(copy.get("config") instanceof ObjectNode config)) {
            return copy;
        }
        for (String name : names) {
            if (name.startsWith(SECRETS_LIST + ".")) {
                String key = name.substring(SECRETS_LIST.length() + 1);
                for (JsonNode entry : config.path(SECRETS_LIST)) {
                    if (entry instanceof ObjectNode o && key.equals(o.path("key").asText())) {
                        o.put("value", MASK);
                    }
                }
                continue;
            }
            String[] parts = name.split("\\.");
            JsonNode parent = config;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.path(parts[i]);
            }
            if (parent instanceof ObjectNode o && o.has(parts[parts.length - 1])) {
                o.put(parts[parts.length - 1], MASK);
            }
        }
        return copy;
    }

    /** The secrets list entries of a request's config, named as {@link #masked} names them. */
    static List<String> secretsListNames(JsonNode request) {
        List<String> names = new ArrayList<>();
        request.path("config").path(SECRETS_LIST).forEach(e -> names.add(SECRETS_LIST + "." + e.path("key").asText()));
        return names;
    }

    /** How to give a masked value on the command line. */
    static String flagFor(String maskedName) {
        int dot = maskedName.indexOf('.');
        if (dot < 0 || maskedName.startsWith(SECRETS_LIST + ".")) {
            return maskedName + "=…";
        }
        String[] parts = maskedName.split("\\.");
        StringBuilder json = new StringBuilder("…");
        for (int i = parts.length - 1; i > 0; i--) {
            json.insert(0, "{\"" + parts[i] + "\": ").append("}");
        }
        return parts[0] + ":=" + json;
    }

    /** A JSON object read from a file, e.g. a whole create or update body. */
    static ObjectNode readObject(Path file, String what) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new UserError(file + " must hold one JSON object: " + what);
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " as JSON: " + e.getMessage());
        }
    }

    private static void put(ObjectNode config, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new UserError("--config takes KEY=VALUE or KEY:=JSON, got '" + assignment + "'");
        }
        boolean typed = assignment.charAt(eq - 1) == ':';
        String key = assignment.substring(0, typed ? eq - 1 : eq);
        String raw = assignment.substring(eq + 1);
        if (key.isBlank()) {
            throw new UserError("--config '" + assignment + "' has no key");
        }
        JsonNode value = typed ? json(key, raw) : TextNode.valueOf(raw);
        if (key.startsWith(SECRETS_LIST + ".")) {
            String name = key.substring(SECRETS_LIST.length() + 1);
            if (name.isEmpty()) {
                throw new UserError("--config secrets_list.NAME=VALUE needs the secret's NAME");
            }
            JsonNode list = config.get(SECRETS_LIST);
            putSecret(list instanceof ArrayNode a ? a : config.putArray(SECRETS_LIST), name, value);
        } else {
            config.set(key, value);
        }
    }

    /** Replaces the entry with this key, or adds one. */
    private static void putSecret(ArrayNode list, String name, JsonNode value) {
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode entry = it.next();
            if (entry instanceof ObjectNode o && name.equals(o.path("key").asText())) {
                o.set("value", value);
                return;
            }
        }
        list.addObject().put("key", name).set("value", value);
    }

    private static JsonNode json(String key, String raw) {
        try {
            JsonNode value = JSON.readTree(raw);
            if (value != null && !value.isMissingNode()) {
                return value;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new UserError("--config " + key + ":= needs a JSON value (e.g. 1433, true, [\"a\"]), got '" + raw + "'");
    }

    /** Whether a parsed override sets this masked name. */
    static boolean sets(ObjectNode overrides, String maskedName) {
        if (maskedName.startsWith(SECRETS_LIST + ".")) {
            String name = maskedName.substring(SECRETS_LIST.length() + 1);
            for (JsonNode entry : overrides.path(SECRETS_LIST)) {
                if (name.equals(entry.path("key").asText())) {
                    return true;
                }
            }
            return false;
        }
        JsonNode node = overrides;
        for (String part : maskedName.split("\\.")) {
            node = node.path(part);
        }
        return !node.isMissingNode();
    }
}

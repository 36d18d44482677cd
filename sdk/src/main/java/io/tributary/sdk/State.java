package io.tributary.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The connector's state: a JSON object of its choosing, such as cursors. Empty on the first sync. Change it
 * and pass it to {@link Operations#checkpoint}; only checkpointed state reaches the next sync.
 */
public final class State {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ObjectNode node;

    private State(ObjectNode node) {
        this.node = node;
    }

    public static State empty() {
        return new State(JSON.createObjectNode());
    }

    /** Parses a JSON object; throws {@link IllegalArgumentException} naming the problem otherwise. */
    public static State parse(String json) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("state is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (parsed == null || parsed.isMissingNode()) {
            return empty();
        }
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("state must be a JSON object, got " + parsed.getNodeType());
        }
        return new State((ObjectNode) parsed);
    }

    /**
     * Serialises a checkpointed state: a {@code State}, a {@code Map}, a {@code JsonNode}, or any object Jackson
     * can turn into a JSON object. Throws {@link ConnectorException} saying why when it cannot.
     */
    public static String toJson(Object state) {
        if (state instanceof State s) {
            return s.toJson();
        }
        JsonNode tree;
        try {
            tree = JSON.valueToTree(state);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("checkpoint state cannot be serialised to JSON: "
                    + rootMessage(e) + ". Keep only strings, numbers, booleans, dates, lists and maps in the state.", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ConnectorException("checkpoint state must be a JSON object (a State, a Map or a record), got "
                    + (state == null ? "null" : state.getClass().getName()));
        }
        return tree.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public boolean isEmpty() {
        return node.isEmpty();
    }

    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The raw JSON value, or {@code null}. */
    public JsonNode get(String key) {
        return node.get(key);
    }

    public String getString(String key) {
        return has(key) ? node.get(key).asText() : null;
    }

    public String getString(String key, String defaultValue) {
        return has(key) ? node.get(key).asText() : defaultValue;
    }

    public long getLong(String key, long defaultValue) {
        return has(key) ? node.get(key).asLong() : defaultValue;
    }

    public int getInt(String key, int defaultValue) {
        return has(key) ? node.get(key).asInt() : defaultValue;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return has(key) ? node.get(key).asBoolean() : defaultValue;
    }

    /** A nested object, created when absent; changes to it change this state. */
    public State getObject(String key) {
        JsonNode child = node.get(key);
        if (child == null || !child.isObject()) {
            return new State(node.putObject(key));
        }
        return new State((ObjectNode) child);
    }

    public State put(String key, String value) {
        node.put(key, value);
        return this;
    }

    public State put(String key, long value) {
        node.put(key, value);
        return this;
    }

    public State put(String key, boolean value) {
        node.put(key, value);
        return this;
    }

    public State put(String key, double value) {
        node.put(key, value);
        return this;
    }

    /** Stores any JSON-serialisable value (list, map, record, date as ISO text). */
    public State putValue(String key, Object value) {
        node.set(key, JSON.valueToTree(value));
        return this;
    }

    public State remove(String key) {
        node.remove(key);
        return this;
    }

    /** The state converted to a type of the connector's own, such as a record. */
    public <T> T as(Class<T> type) {
        return JSON.convertValue(node, type);
    }

    public State copy() {
        return new State(node.deepCopy());
    }

    public ObjectNode asJsonNode() {
        return node;
    }

    /** Single-line JSON, as written to {@code state.json}. */
    public String toJson() {
        return node.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Equal JSON values: key order and the width of numbers (5 as int or long) do not matter. */
    @Override
    public boolean equals(Object o) {
        return o instanceof State s && s.node.equals(SAME_VALUE, node);
    }

    @Override
    public int hashCode() {
        return new java.util.HashSet<>(keys()).hashCode();
    }

    private static final java.util.Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    };
}

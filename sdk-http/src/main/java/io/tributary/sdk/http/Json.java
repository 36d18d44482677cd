package io.tributary.sdk.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The module's Jackson setup and its small path syntax. */
final class Json {
    // Decimals as BigDecimal: money read as double loses cents before the runtime ever sees it.
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    /**
     * Field names along a path: {@code "$.data.items"}, {@code "/data/items"} and {@code "data.items"} all give
     * [data, items]; {@code ""}, {@code "$"} and {@code "/"} give [] (the document itself).
     */
    static List<String> segments(String path) {
        String p = path == null ? "" : path.trim();
        List<String> out = new ArrayList<>();
        if (p.startsWith("/")) {
            for (String s : p.substring(1).split("/", -1)) {
                if (!s.isEmpty()) {
                    out.add(s.replace("~1", "/").replace("~0", "~"));
                }
            }
            return out;
        }
        if (p.startsWith("$")) {
            p = p.substring(1);
        }
        for (String s : p.split("\\.", -1)) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The node at a path, or a MissingNode. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String s : segments(path)) {
            n = n == null ? null : n.get(s);
        }
        return n == null ? MissingNode.getInstance() : n;
    }

    /** Text of a scalar at a path; {@code null} when missing, null or empty. */
    static String text(JsonNode root, String path) {
        JsonNode n = at(root, path);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        String s = n.isValueNode() ? n.asText() : n.toString();
        return s.isEmpty() ? null : s;
    }
}

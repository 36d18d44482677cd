package io.tributary.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.ApiJson;
import io.tributary.api.Envelope;
import io.tributary.api.Page;

/**
 * Reading requests and writing responses in the API's JSON. Bodies are lenient as real clients need: an empty
 * body is {@code {}}, and "true"/"false" strings are booleans (Jackson coerces them for boolean fields).
 */
public final class Json {
    public static final ObjectMapper MAPPER = ApiJson.mapper();

    private Json() {
    }

    /** The request body as an object node; empty bodies and {@code ""} count as {@code {}}. */
    public static ObjectNode body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank() || text.trim().equals("\"\"")) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("Malformed JSON body: " + e.getOriginalMessage());
        }
        if (node == null || node.isNull()) {
            return MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw ApiException.invalid("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The body bound to a request record; type errors name the field. */
    public static <T> T body(Context ctx, Class<T> type) {
        try {
            return MAPPER.treeToValue(body(ctx), type);
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(m.getPath().size() - 1).getFieldName() : null;
            throw ApiException.invalid(field == null ? "Invalid request body: " + e.getOriginalMessage()
                    : "Field '" + field + "' has an invalid value: " + e.getOriginalMessage());
        }
    }

    public static void ok(Context ctx, Object data) {
        write(ctx, 200, Envelope.success(data));
    }

    public static void ok(Context ctx, String message, Object data) {
        write(ctx, 200, Envelope.success(message, data));
    }

    public static void created(Context ctx, String message, Object data) {
        write(ctx, 201, Envelope.success(message, data));
    }

    public static void message(Context ctx, String message) {
        write(ctx, 200, Envelope.message(message));
    }

    public static void page(Context ctx, Page<?> page) {
        write(ctx, 200, Envelope.success(page));
    }

    public static void error(Context ctx, int status, String code, String message) {
        write(ctx, status, Envelope.error(code, message));
    }

    /** Whether this request's response was written here (so error pages need no envelope of their own). */
    public static boolean written(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(WRITTEN));
    }

    private static final String WRITTEN = "tributary.written";

    private static void write(Context ctx, int status, Object body) {
        try {
            ctx.attribute(WRITTEN, true);
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }
}

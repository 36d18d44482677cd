package io.tributary.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one way APIs write bodies: serialised to bytes first, so a truncate fault can cut any response, JSON,
 * CSV or XML, in the middle.
 */
final class Responder {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    static final String JSON = "application/json";

    private Responder() {
    }

    static void json(Context ctx, Object body) {
        bytes(ctx, JSON, toJson(body));
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status);
        json(ctx, body);
    }

    static void text(Context ctx, String contentType, String body) {
        bytes(ctx, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void bytes(Context ctx, String contentType, byte[] body) {
        if (Boolean.TRUE.equals(ctx.attribute(Faults.TRUNCATE_ATTRIBUTE))) {
            try {
                Faults.writeTruncated(ctx, contentType, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        ctx.contentType(contentType).result(body);
    }

    static byte[] toJson(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.tributary.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the {@code data} of an answer, refusing one without it rather than returning null. */
final class Envelopes {
    private Envelopes() {
    }

    /** Sends the request and decodes its {@code data} object as {@code type}. */
    static <T> T data(TributaryClient client, String method, String path, Object body, Class<T> type) {
        return decode(client, method, path, client.call(method, path, body), type);
    }

    static <T> T decode(TributaryClient client, String method, String path, JsonNode envelope, Class<T> type) {
        JsonNode data = envelope.path("data");
        if (!data.isObject()) {
            throw new ApiError(method, path, 200, envelope.path("code").asText(null),
                    "the answer has no data object to read as " + type.getSimpleName(), null, null);
        }
        return client.read(data, type);
    }
}

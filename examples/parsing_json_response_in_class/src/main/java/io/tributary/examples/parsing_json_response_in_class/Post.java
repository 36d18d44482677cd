package io.tributary.examples.parsing_json_response_in_class;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One post of the API, the original's {@code @dataclass Post}. A record is also a row: {@code Operations.upsert}
 * turns its components into columns ({@code userId} becomes {@code user_id} under the naming rules).
 */
public record Post(int userId, int id, String title, String body) {
    // Missing or null fields are errors, not 0 or null: a post without an id must not become post 0.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // new API fields must not break syncs

    /** The post in {@code json}; throws when a field is missing, null or of the wrong type. */
    static Post from(JsonNode json) throws JsonProcessingException {
        return MAPPER.treeToValue(json, Post.class);
    }
}

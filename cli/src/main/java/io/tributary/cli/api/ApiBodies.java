package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiJson;
import java.util.List;
import java.util.stream.Stream;

/** The client's records as the JSON the API speaks (snake_case, absent fields left out), for printing. */
final class ApiBodies {
    private static final ObjectMapper API = ApiJson.mapper();

    private ApiBodies() {
    }

    /** A request or result record as API JSON, e.g. for {@code --dry-run} or {@code --json}. */
    static JsonNode json(Object value) {
        return API.valueToTree(value);
    }

    /** Records as table rows. */
    static List<JsonNode> rows(Stream<?> values) {
        return values.map(ApiBodies::json).toList();
    }
}

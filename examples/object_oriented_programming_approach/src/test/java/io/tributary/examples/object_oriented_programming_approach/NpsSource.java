package io.tributary.examples.object_oriented_programming_approach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads the playground's NPS records with a plain HTTP client, to check the warehouse against. */
final class NpsSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NpsSource() {
    }

    /** Every record of an endpoint (all fit in one page of 500). */
    static List<JsonNode> records(Playground playground, String endpoint) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(playground.uri(
                "/nps/api/v1/" + endpoint + "?api_key=playground-api-key&limit=500&fault=none")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(response.body()).get("data").forEach(out::add);
        return out;
    }
}

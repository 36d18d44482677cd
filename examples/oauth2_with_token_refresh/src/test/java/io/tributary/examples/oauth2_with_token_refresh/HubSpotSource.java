package io.tributary.examples.oauth2_with_token_refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads the playground's HubSpot records with a plain HTTP client, to check the warehouse against. */
final class HubSpotSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Playground playground;
    private final HttpClient client = HttpClient.newHttpClient();

    HubSpotSource(Playground playground) {
        this.playground = playground;
    }

    List<JsonNode> contacts() throws Exception {
        return all("/hubspot/contacts/v1/lists/all/contacts/all?count=100&fault=none", "contacts", "vidOffset",
                "vid-offset");
    }

    List<JsonNode> companies() throws Exception {
        return all("/hubspot/companies/v2/companies/paged?limit=250&fault=none", "companies", "offset", "offset");
    }

    private List<JsonNode> all(String first, String field, String param, String cursor) throws Exception {
        String token = post("/hubspot/oauth/v1/token?fault=none").get("access_token").asText();
        List<JsonNode> out = new ArrayList<>();
        String path = first;
        while (true) {
            JsonNode body = read(HttpRequest.newBuilder(playground.uri(path))
                    .header("Authorization", "Bearer " + token).build());
            body.get(field).forEach(out::add);
            if (!body.get("has-more").asBoolean()) {
                return out;
            }
            path = first + "&" + param + "=" + body.get(cursor).asText();
        }
    }

    private JsonNode post(String path) throws Exception {
        return read(HttpRequest.newBuilder(playground.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token"
                        + "&refresh_token=playground-refresh-token&client_id=playground-client"
                        + "&client_secret=playground-secret"))
                .build());
    }

    private JsonNode read(HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}

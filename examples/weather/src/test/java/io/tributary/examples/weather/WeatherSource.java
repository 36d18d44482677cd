package io.tributary.examples.weather;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads the playground's weather APIs with a plain HTTP client, to check the warehouse against. */
final class WeatherSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Playground playground;
    private final HttpClient client = HttpClient.newHttpClient();

    WeatherSource(Playground playground) {
        this.playground = playground;
    }

    JsonNode place(String zipCode) throws Exception {
        return get(playground.uri("/zippopotam/us/" + zipCode + "?fault=none")).get("places").get(0);
    }

    List<JsonNode> periods(String zipCode) throws Exception {
        JsonNode place = place(zipCode);
        JsonNode point = get(playground.uri("/nws/points/" + place.get("latitude").asText() + ","
                + place.get("longitude").asText() + "?fault=none"));
        // The forecast link keeps the request's fault parameter.
        JsonNode forecast = get(URI.create(point.at("/properties/forecast").asText()));
        List<JsonNode> out = new ArrayList<>();
        forecast.at("/properties/periods").forEach(out::add);
        return out;
    }

    private JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}

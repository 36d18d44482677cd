package io.tributary.examples.marketstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads the playground's end-of-day prices with a plain HTTP client, to check the warehouse against. */
final class MarketstackSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Playground playground;
    private final HttpClient client = HttpClient.newHttpClient();

    MarketstackSource(Playground playground) {
        this.playground = playground;
    }

    /** The ticker's bars from one date to another (ISO dates, both included), oldest first. */
    List<JsonNode> prices(String ticker, String from, String to) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(playground.uri(
                "/marketstack/v1/eod?access_key=playground-api-key&limit=1000&sort=ASC&fault=none&symbols=" + ticker
                        + "&date_from=" + from + "&date_to=" + to)).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(response.body()).get("data").forEach(out::add);
        return out;
    }
}

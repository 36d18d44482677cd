package io.tributary.examples.large_data_set_without_pagination;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads the playground's pokemon list with a plain HTTP client, to check the warehouse against. */
final class PokemonSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PokemonSource() {
    }

    /** (name, url) of the entries from {@code offset} on, in list order. */
    static List<List<Object>> entries(Playground playground, long offset, long limit) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(playground.uri(
                "/pokeapi/api/v2/pokemon?fault=none&offset=" + offset + "&limit=" + limit)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<List<Object>> out = new ArrayList<>();
        JSON.readTree(response.body()).get("results")
                .forEach(p -> out.add(List.of(p.get("name").asText(), p.get("url").asText())));
        return out;
    }
}

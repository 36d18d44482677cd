package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SwapiApiTest {
    private static Playground pg;
    private static Http http;

    @BeforeAll
    static void start() {
        pg = Playground.start(0);
        http = new Http(pg);
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void theRootListsEveryCollectionAndEachPagesByTenToANullNext() {
        JsonNode root = http.json("/swapi/api/");
        String base = pg.baseUrl() + "/swapi/api/";
        assertThat(root.get("people").asText()).isEqualTo(base + "people/");
        assertThat(root.size()).isEqualTo(6);

        List<JsonNode> people = new ArrayList<>();
        String next = root.get("people").asText();
        int pages = 0;
        while (next != null) {
            JsonNode page = http.json(next);
            assertThat(page.get("count").asInt()).isEqualTo(82);
            page.get("results").forEach(people::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }
        assertThat(pages).isEqualTo(9);
        Set<String> urls = new HashSet<>();
        people.forEach(p -> urls.add(p.get("url").asText()));
        assertThat(urls).hasSize(82).contains(base + "people/1/", base + "people/82/");
        JsonNode first = people.get(0);
        assertThat(first.get("height").isTextual()).isTrue();
        assertThat(first.get("films").isArray()).isTrue();
        assertThat(first.get("homeworld").asText()).startsWith(base + "planets/");
        assertThat(first.get("created").asText()).isEqualTo("2014-12-09T13:51:51.644Z");
        assertThat(http.json("/swapi/api/people/1/")).isEqualTo(first);
        assertThat(http.json("/swapi/api/films/").get("next").isNull()).isTrue();
        assertThat(http.json("/swapi/api/films/").get("results")).hasSize(6);
    }

    @Test
    void unknownCollectionsItemsAndPagesAre404NotFound() {
        for (String path : List.of("/swapi/api/droids/", "/swapi/api/people/?page=10", "/swapi/api/people/83/",
                "/swapi/api/people/x/")) {
            Http.Result response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("{\"detail\":\"Not found\"}");
        }
    }
}

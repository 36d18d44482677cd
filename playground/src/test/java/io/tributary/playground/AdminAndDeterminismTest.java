package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminAndDeterminismTest {
    private static final List<String> SAMPLES = List.of(
            "/pagination/offset?limit=1000",
            "/cursors/companies",
            "/cursors/3/departments",
            "/export/csv",
            "/nps/api/v1/alerts?api_key=" + Credentials.API_KEY,
            "/nws/gridpoints/MTR/85,105/forecast",
            "/noaa/xml/current_obs/KJFK.xml",
            "/marketstack/v1/eod?access_key=" + Credentials.API_KEY + "&symbols=AAPL&limit=50",
            "/pokeapi/api/v2/pokemon?offset=500&limit=50",
            "/smartsheet/2.0/sheets/2331373580117892");

    private static List<String> fetchAll(Playground pg) {
        Http http = new Http(pg);
        List<String> bodies = new java.util.ArrayList<>();
        for (String path : SAMPLES) {
            Http.Result r = http.get(path, "Authorization", "Bearer " + Credentials.BEARER_TOKEN);
            assertThat(r.status()).as(path).isEqualTo(200);
            bodies.add(path + " -> " + r.body().replace(pg.baseUrl(), "BASE"));
        }
        return bodies;
    }

    @Test
    void sameSeedAndDaySameBytesOtherSeedOtherData() {
        try (Playground a = Playground.builder().seed(1).day(4).start();
             Playground b = Playground.builder().seed(1).start();
             Playground c = Playground.builder().seed(2).day(4).start()) {
            b.setDay(2);
            List<String> fromB2 = fetchAll(b);
            b.setDay(4); // reached through day 2, computed from a fresh cache in a: must not matter
            List<String> fromA = fetchAll(a);
            List<String> fromB = fetchAll(b);
            for (int i = 0; i < SAMPLES.size(); i++) {
                assertThat(fromB.get(i)).isEqualTo(fromA.get(i));
            }
            List<String> fromC = fetchAll(c);
            for (int i = 0; i < SAMPLES.size(); i++) {
                assertThat(fromC.get(i)).as(SAMPLES.get(i)).isNotEqualTo(fromA.get(i));
            }
            b.setDay(2);
            assertThat(fetchAll(b)).isEqualTo(fromB2);
        }
    }

    @Test
    void updateTimesAreUniqueSoStrictCursorsNeverSkip() {
        try (Playground pg = Playground.builder().day(20).start()) {
            JsonNode users = new Http(pg).json("/pagination/offset?limit=1000").get("data");
            assertThat(users).hasSize(400);
            Set<String> times = new HashSet<>();
            users.forEach(u -> times.add(u.get("updatedAt").asText()));
            assertThat(times).hasSize(400);
            users.forEach(u -> assertThat(Instant.parse(u.get("updatedAt").asText())).isBefore(pg.now()));
        }
    }

    @Test
    void adminEndpointsControlTheDayFaultsAndTokens() {
        try (Playground pg = Playground.start(0)) {
            Http http = new Http(pg);
            JsonNode status = http.json("/_playground");
            assertThat(status.get("day").asInt()).isZero();
            assertThat(status.get("date").asText()).isEqualTo("2025-01-01");
            assertThat(status.get("seed").asLong()).isEqualTo(42);
            assertThat(http.send(put(pg, "/_playground/day?day=3")).json().get("date").asText())
                    .isEqualTo("2025-01-04");
            assertThat(pg.day()).isEqualTo(3);
            assertThat(http.postJson("/_playground/day", java.util.Map.of("day", 5)).json().get("day").asInt())
                    .isEqualTo(5);
            assertThat(http.postForm("/_playground/day/next", "").json().get("day").asInt()).isEqualTo(6);
            assertThat(http.send(put(pg, "/_playground/day?day=-1")).status()).isEqualTo(400);

            assertThat(http.postForm("/_playground/faults?spec=503:1", "").json().get("spec").asText())
                    .startsWith("503:1.0");
            assertThat(http.get("/pagination/offset").status()).isEqualTo(503);
            assertThat(http.json("/_playground/faults").get("injected").get("503").asInt()).isEqualTo(1);
            assertThat(http.postForm("/_playground/faults?spec=teapot", "").status()).isEqualTo(400);
            assertThat(http.send(HttpRequest.newBuilder(pg.uri("/_playground/faults")).DELETE().build()).status())
                    .isEqualTo(200);
            assertThat(pg.faults().isNone()).isTrue();

            String token = http.postForm("/oauth/token", "grant_type=client_credentials&client_id="
                    + Credentials.CLIENT_ID + "&client_secret=" + Credentials.CLIENT_SECRET).json()
                    .get("access_token").asText();
            http.postForm("/_playground/tokens/expire", "");
            assertThat(http.get("/hubspot/contacts/v1/lists/all/contacts/all", "Authorization", "Bearer " + token)
                    .status()).isEqualTo(401);
            assertThat(http.postForm("/_playground/reset", "").json().get("day").asInt()).isZero();
        }
    }

    @Test
    void startsOnLoopbackWithTheBuildersOptions() {
        try (Playground pg = Playground.builder().port(0).seed(9).day(2).faults("latency:0.5:1").start()) {
            assertThat(pg.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(pg.port()).isPositive();
            assertThat(pg.seed()).isEqualTo(9);
            assertThat(pg.day()).isEqualTo(2);
            assertThat(pg.faults().rules()).hasSize(1);
            assertThat(pg.uri("cursors/companies")).isEqualTo(URI.create(pg.baseUrl() + "/cursors/companies"));
        }
    }

    private static HttpRequest put(Playground pg, String path) {
        return HttpRequest.newBuilder(pg.uri(path)).PUT(HttpRequest.BodyPublishers.noBody()).build();
    }
}

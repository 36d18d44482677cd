package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final int REQUESTS = 400;
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

    @BeforeEach
    void reset() {
        pg.reset();
    }

    /** Distinct requests (first attempts), so each one's fault is an independent draw at the given rate. */
    private static Map<String, Integer> outcomes(String fault) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Http.Result r = http.get("/pagination/offset?limit=5&offset=" + i + "&fault=" + fault);
            seen.merge(r.failure() != null ? "io" : String.valueOf(r.status()), 1, Integer::sum);
        }
        return seen;
    }

    private static void assertRate(Map<String, Integer> seen, String outcome, double rate) {
        double observed = seen.getOrDefault(outcome, 0) / (double) REQUESTS;
        assertThat(observed).as("rate of %s in %s", outcome, seen).isBetween(rate - 0.07, rate + 0.07);
    }

    @Test
    void statusFaultsHappenAtTheirRates() {
        Map<String, Integer> seen = outcomes("429:0.2:0,500:0.15,503:0.1");
        assertRate(seen, "429", 0.2);
        assertRate(seen, "500", 0.15);
        assertRate(seen, "503", 0.1);
        assertRate(seen, "200", 0.55);
        assertThat(pg.injectedFaults()).containsEntry("429", (long) seen.get("429"));
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        Http.Result r = http.get("/pagination/offset?fault=429:1:7");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("7");
        assertThat(r.json().get("injected_fault").asInt()).isEqualTo(429);
        assertThat(http.get("/pagination/offset?fault=503:1:2").header("Retry-After")).isEqualTo("2");
        assertThat(http.get("/pagination/offset?x=1&fault=429").header("Retry-After")).isEqualTo("1");
    }

    @Test
    void resetsAndTruncationsBreakTheResponseAtTheirRates() {
        Map<String, Integer> seen = outcomes("reset:0.2,truncate:0.2");
        // The JDK client silently retries a GET once when a reused connection dies before any response byte,
        // so some resets never reach the caller: count on the server, and check truncations all surface.
        long resets = pg.injectedFaults().get("reset");
        long truncations = pg.injectedFaults().get("truncate");
        assertThat(truncations / (double) REQUESTS).isBetween(0.13, 0.27);
        assertThat(resets / (double) (REQUESTS + resets)).isBetween(0.13, 0.27);
        assertThat(seen.get("io")).isGreaterThanOrEqualTo((int) truncations);
        assertThat(seen.get("io") + seen.get("200")).isEqualTo(REQUESTS);
    }

    @Test
    void aResetIsAConnectionResetAndATruncationAShortBody() {
        assertThat(http.get("/pagination/offset?fault=reset").failure()).isNotNull();
        Http.Result truncated = http.get("/export/csv?fault=truncate");
        assertThat(truncated.failure()).isNotNull();
        assertThat(truncated.failure().getMessage()).contains("bytes received");
    }

    @Test
    void latencyDelaysButDoesNotBreak() {
        long start = System.nanoTime();
        Http.Result slow = http.get("/pagination/offset?fault=latency:1:300");
        long slowMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(slow.status()).isEqualTo(200);
        assertThat(slowMs).isGreaterThanOrEqualTo(300);
        Map<Integer, Integer> seen = new HashMap<>();
        long before = pg.injectedFaults().get("latency");
        for (int i = 0; i < 100; i++) {
            seen.merge(http.get("/pagination/offset?offset=" + i + "&fault=latency:0.3:5").status(), 1,
                    Integer::sum);
        }
        assertThat(seen).containsOnlyKeys(200);
        assertThat(pg.injectedFaults().get("latency") - before).isBetween(15L, 45L);
    }

    @Test
    void noRequestFailsMoreThanMaxConsecutiveTimes() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            statuses.add(http.get("/pagination/offset?fault=500:1").status());
        }
        assertThat(statuses).containsExactly(500, 500, 200, 500, 500, 200, 500, 500, 200);
        statuses.clear();
        for (int i = 0; i < 4; i++) {
            statuses.add(http.get("/pagination/page_number?fault=500:1,max:0").status());
        }
        assertThat(statuses).containsOnly(200);
    }

    @Test
    void aClientWithRetriesGetsExactlyTheCleanData() {
        List<String> clean = walkNextPageUrls("/pagination/next_page_url?per_page=5", new HashMap<>());
        pg.resetFaultCounters();
        Map<String, Integer> seen = new HashMap<>();
        List<String> faulty = walkNextPageUrls("/pagination/next_page_url?per_page=5"
                + "&fault=429:0.15:0,500:0.15,503:0.15,reset:0.15,truncate:0.15,latency:0.1:1", seen);
        assertThat(faulty).isEqualTo(clean).hasSize(200);
        assertThat(seen.keySet()).contains("429", "500", "503", "io");
        assertThat(pg.injectedFaults()).allSatisfy((kind, count) -> assertThat(count).as(kind).isPositive());
    }

    private static List<String> walkNextPageUrls(String url, Map<String, Integer> seen) {
        List<String> ids = new ArrayList<>();
        while (url != null) {
            Http.Result r = http.getWithRetries(url, 3, seen);
            assertThat(r.status()).as("final attempt of %s", url).isEqualTo(200);
            JsonNode body = r.json();
            body.get("data").forEach(u -> ids.add(u.get("id").asText()));
            url = body.get("next_page_url").isNull() ? null : body.get("next_page_url").asText();
            if (url != null) {
                assertThat(url).contains("per_page=5");
            }
        }
        return ids;
    }

    @Test
    void postsAreFaultedPerBodyAndStillParsedOnTheCleanAttempt() {
        String form = "grant_type=client_credentials&client_id=" + Credentials.CLIENT_ID + "&client_secret="
                + Credentials.CLIENT_SECRET;
        assertThat(http.postForm("/oauth/token?fault=500:1", form).status()).isEqualTo(500);
        assertThat(http.postForm("/oauth/token?fault=500:1", form + "&scope=x").status()).isEqualTo(500);
        assertThat(http.postForm("/oauth/token?fault=500:1", form).status()).isEqualTo(500);
        Http.Result clean = http.postForm("/oauth/token?fault=500:1", form);
        assertThat(clean.status()).isEqualTo(200);
        assertThat(clean.json().get("access_token").asText()).startsWith("pg_oauth_");
    }

    @Test
    void parallelClientsWithRetriesGetTheCleanDataToo() throws Exception {
        pg.setFaults("429:0.2:0,503:0.2,reset:0.1,truncate:0.1");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            List<java.util.concurrent.Future<JsonNode>> pages = new ArrayList<>();
            for (int p = 1; p <= 20; p++) {
                String url = "/pagination/page_number?per_page=10&page=" + p;
                pages.add(pool.submit(() -> http.getWithRetries(url, 3, new java.util.concurrent.ConcurrentHashMap<>())
                        .json()));
            }
            List<String> ids = new ArrayList<>();
            for (java.util.concurrent.Future<JsonNode> f : pages) {
                f.get().get("data").forEach(u -> ids.add(u.get("id").asText()));
            }
            pg.clearFaults();
            List<String> clean = new ArrayList<>();
            http.json("/pagination/page_number?per_page=200").get("data").forEach(u -> clean.add(u.get("id").asText()));
            assertThat(ids).isEqualTo(clean);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decisionsAreDeterministicForASeed() {
        List<String> first = sequence(pg);
        pg.resetFaultCounters();
        assertThat(sequence(pg)).isEqualTo(first);
        try (Playground other = Playground.builder().seed(42).start()) {
            assertThat(sequence(other)).isEqualTo(first);
        }
        try (Playground other = Playground.builder().seed(7).start()) {
            assertThat(sequence(other)).isNotEqualTo(first);
        }
    }

    private static List<String> sequence(Playground p) {
        Http client = new Http(p);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Http.Result r = client.get("/pagination/offset?offset=" + (i % 10) + "&fault=429:0.3:0,500:0.2");
            out.add(String.valueOf(r.status()));
        }
        return out;
    }

    @Test
    void globalFaultsApplyToEveryRequestButNotToTheAdminEndpoints() {
        pg.setFaults("500:1,max:100");
        assertThat(http.get("/nps/api/v1/parks?api_key=" + Credentials.API_KEY).status()).isEqualTo(500);
        assertThat(http.get("/_playground").status()).isEqualTo(200);
        assertThat(http.get("/pagination/offset?fault=none").status()).isEqualTo(200);
        assertThat(http.get("/pagination/offset", "X-Playground-Fault", "429:1").status()).isEqualTo(429);
        pg.clearFaults();
        assertThat(http.get("/nps/api/v1/parks?api_key=" + Credentials.API_KEY).status()).isEqualTo(200);
    }

    @Test
    void generatedLinksKeepTheFaultParameter() {
        JsonNode points = http.json("/nws/points/37.8,-122.27?fault=latency:1:1");
        assertThat(points.get("properties").get("forecast").asText()).endsWith("?fault=latency%3A1%3A1");
        JsonNode pokemon = http.json("/pokeapi/api/v2/pokemon?limit=5&fault=latency:1:1");
        assertThat(pokemon.get("next").asText()).contains("&fault=latency%3A1%3A1");
    }

    @Test
    void badSpecsAreRejected() {
        assertThat(http.get("/pagination/offset?fault=418").status()).isEqualTo(400);
        assertThatThrownBy(() -> FaultSpec.parse("429:0.8,500:0.5")).hasMessageContaining("more than 1");
        assertThatThrownBy(() -> FaultSpec.parse("latency:2")).hasMessageContaining("between 0 and 1");
        assertThat(FaultSpec.parse("429:0.2:3,latency:0.1:50ms,max:4,seed:9").toString())
                .isEqualTo("429:0.2:3,latency:0.1:50,max:4,seed:9");
        assertThat(FaultSpec.parse(" none ").isNone()).isTrue();
    }
}

package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostsAndFxRatesTest {
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

    @Test
    void postsAreABareArraySlicedByStartAndLimitAndGrowByFiveADay() {
        JsonNode all = http.json("/jsonplaceholder/posts");
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(100);
        JsonNode first = all.get(0);
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(first.get("userId").asInt()).isEqualTo(1);
        assertThat(all.get(99).get("userId").asInt()).isEqualTo(10);
        assertThat(first.get("title").asText()).isNotBlank();
        assertThat(first.get("body").asText()).contains("\n").endsWith(".");

        JsonNode slice = http.json("/jsonplaceholder/posts?_start=95&_limit=10");
        assertThat(slice).hasSize(5);
        assertThat(slice.get(0)).isEqualTo(all.get(95));
        assertThat(http.json("/jsonplaceholder/posts?_start=100&_limit=10")).isEmpty();

        pg.setDay(2);
        JsonNode later = http.json("/jsonplaceholder/posts");
        assertThat(later).hasSize(110);
        assertThat(later.get(0)).as("posts never change").isEqualTo(first);
    }

    @Test
    void theBearerVariantChecksTheKey() {
        assertThat(http.get("/jsonplaceholder/bearer").status()).isEqualTo(401);
        assertThat(http.get("/jsonplaceholder/bearer/posts", "Authorization", "Bearer nope").status()).isEqualTo(401);
        String bearer = "Bearer " + Credentials.API_KEY;
        assertThat(http.get("/jsonplaceholder/bearer", "Authorization", bearer).status()).isEqualTo(200);
        assertThat(http.get("/jsonplaceholder/bearer/posts?_limit=3", "Authorization", bearer).json()).hasSize(3);
    }

    @Test
    void latestRatesAreDeterministicPerDayAndSkipWeekends() {
        JsonNode day0 = http.json("/frankfurter/v2/rates/latest?base=USD&quotes=INR,JPY");
        assertThat(day0).hasSize(2);
        JsonNode inr = day0.get(0);
        assertThat(inr.get("date").asText()).isEqualTo("2025-01-01");
        assertThat(inr.get("base").asText()).isEqualTo("USD");
        assertThat(inr.get("quote").asText()).isEqualTo("INR");
        assertThat(inr.get("rate").asDouble()).isBetween(80.0, 90.0);
        assertThat(http.json("/frankfurter/v2/rates/latest?base=usd&quotes=inr,jpy")).isEqualTo(day0);

        pg.setDay(1);
        JsonNode thursday = http.json("/frankfurter/v2/rates/latest?base=USD&quotes=INR").get(0);
        assertThat(thursday.get("date").asText()).isEqualTo("2025-01-02");
        assertThat(thursday.get("rate")).isNotEqualTo(inr.get("rate"));

        pg.setDay(3); // Saturday 2025-01-04: Friday's rates
        JsonNode saturday = http.json("/frankfurter/v2/rates/latest?base=USD&quotes=INR").get(0);
        pg.setDay(2);
        JsonNode friday = http.json("/frankfurter/v2/rates/latest?base=USD&quotes=INR").get(0);
        assertThat(saturday).isEqualTo(friday);
        assertThat(saturday.get("date").asText()).isEqualTo("2025-01-03");
    }

    @Test
    void crossRatesAreConsistentAndUnknownCurrenciesAre404() {
        double usdInEur = http.json("/frankfurter/v2/rates/latest?base=EUR&quotes=USD").get(0).get("rate").asDouble();
        double eurInUsd = http.json("/frankfurter/v2/rates/latest?base=USD&quotes=EUR").get(0).get("rate").asDouble();
        assertThat(usdInEur * eurInUsd).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(http.json("/frankfurter/v2/rates/latest?base=EUR")).hasSize(FxRatesApi.EUR_REFERENCE.size() - 1);
        Http.Result unknown = http.get("/frankfurter/v2/rates/latest?base=USD&quotes=XYZ");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("XYZ");
    }

    @Test
    void sessionDataCanBePaged() {
        String token = http.postJson("/auth/session_token/login", Map.of("username", Credentials.USERNAME,
                "password", Credentials.PASSWORD)).json().get("token").asText();
        JsonNode all = http.get("/auth/session_token/data", "Authorization", "Token " + token).json();
        assertThat(all.has("page")).as("without page parameters: everything, as before").isFalse();
        JsonNode page2 = http.get("/auth/session_token/data?page=2&per_page=50", "Authorization", "Token " + token)
                .json();
        assertThat(page2.get("total_pages").asInt()).isEqualTo(4);
        assertThat(page2.get("data")).hasSize(50);
        assertThat(page2.get("data").get(0)).isEqualTo(all.get("data").get(50));
        assertThat(http.get("/auth/session_token/data?page=5&per_page=50", "Authorization", "Token " + token)
                .json().get("data")).isEmpty();
    }
}

package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StocksAndPokemonTest {
    private static final String EOD = "/marketstack/v1/eod?access_key=" + Credentials.API_KEY;
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
    void eodPricesForAWindowWithPaginationTotals() {
        JsonNode body = http.json(EOD + "&symbols=AAPL,MSFT&date_from=2024-12-16&date_to=2024-12-31&limit=5");
        JsonNode pagination = body.get("pagination");
        assertThat(pagination.get("total").asInt()).isEqualTo(24); // 12 weekdays x 2 tickers
        assertThat(pagination.get("count").asInt()).isEqualTo(5);
        assertThat(pagination.get("limit").asInt()).isEqualTo(5);
        JsonNode first = body.get("data").get(0);
        assertThat(first.get("date").asText()).isEqualTo("2024-12-31T00:00:00+0000");
        assertThat(first.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(body.get("data").get(1).get("symbol").asText()).isEqualTo("MSFT");
        assertThat(first.get("high").asDouble()).isGreaterThanOrEqualTo(first.get("low").asDouble());
        Set<String> seen = new HashSet<>();
        for (int offset = 0; offset < 24; offset += 5) {
            JsonNode page = http.json(EOD + "&symbols=AAPL,MSFT&date_from=2024-12-16&date_to=2024-12-31&limit=5"
                    + "&offset=" + offset).get("data");
            page.forEach(r -> {
                seen.add(r.get("symbol").asText() + r.get("date").asText());
                DayOfWeek dow = LocalDate.parse(r.get("date").asText().substring(0, 10)).getDayOfWeek();
                assertThat(dow).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            });
        }
        assertThat(seen).hasSize(24);
    }

    @Test
    void eachWeekdayAddsABarAndPastBarsNeverChange() {
        String window = EOD + "&symbols=INTC&date_from=2024-12-01&date_to=2025-12-31&limit=1000&sort=ASC";
        JsonNode day0 = http.json(window).get("data");
        assertThat(day0.get(day0.size() - 1).get("date").asText()).startsWith("2025-01-01");
        pg.setDay(1); // 2025-01-02, a Thursday
        JsonNode day1 = http.json(window).get("data");
        assertThat(day1).hasSize(day0.size() + 1);
        assertThat(day1.get(day0.size() - 1)).isEqualTo(day0.get(day0.size() - 1));
        pg.setDay(3); // Saturday: no new bar since Friday
        assertThat(http.json(window).get("data")).hasSize(day0.size() + 2);
    }

    @Test
    void eodChecksTheAccessKeyAndSymbols() {
        assertThat(http.get("/marketstack/v1/eod?symbols=AAPL").json().get("error").get("code").asText())
                .isEqualTo("missing_access_key");
        assertThat(http.get("/marketstack/v1/eod?access_key=x&symbols=AAPL").status()).isEqualTo(401);
        assertThat(http.get(EOD).status()).isEqualTo(422);
    }

    @Test
    void pokemonPagesEndWithANullNext() {
        JsonNode first = http.json("/pokeapi/api/v2/pokemon?offset=0&limit=100");
        assertThat(first.get("count").asInt()).isEqualTo(100_000);
        assertThat(first.get("results")).hasSize(100);
        assertThat(first.get("previous").isNull()).isTrue();
        JsonNode second = http.json(first.get("next").asText());
        assertThat(second.get("results").get(0).get("url").asText()).endsWith("/pokemon/101/");
        JsonNode last = http.json("/pokeapi/api/v2/pokemon?offset=99950&limit=100");
        assertThat(last.get("results")).hasSize(50);
        assertThat(last.get("next").isNull()).isTrue();
        JsonNode detail = http.json(last.get("results").get(49).get("url").asText());
        assertThat(detail.get("id").asInt()).isEqualTo(100_000);
        assertThat(detail.get("name").asText()).isEqualTo(last.get("results").get(49).get("name").asText());
        pg.setDay(2);
        assertThat(http.json("/pokeapi/api/v2/pokemon?limit=1").get("count").asInt()).isEqualTo(100_200);
    }

    @Test
    void theWholeListComesInOnePayloadWithUniqueNames() {
        JsonNode all = http.json("/pokeapi/api/v2/pokemon?offset=0&limit=100000");
        assertThat(all.get("results")).hasSize(100_000);
        assertThat(all.get("next").isNull()).isTrue();
        Set<String> names = new HashSet<>();
        all.get("results").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).hasSize(100_000);
    }
}

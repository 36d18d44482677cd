package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class NpsAndWeatherTest {
    private static final String KEY = "api_key=" + Credentials.API_KEY;
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
    void npsNeedsTheApiKey() {
        assertThat(http.get("/nps/api/v1/parks").json().get("error").get("code").asText())
                .isEqualTo("API_KEY_MISSING");
        assertThat(http.get("/nps/api/v1/parks?api_key=nope").status()).isEqualTo(403);
        assertThat(http.get("/nps/api/v1/parks", "X-Api-Key", Credentials.API_KEY).status()).isEqualTo(200);
    }

    @Test
    void npsListsHaveTheShapesTheOopExampleReads() {
        JsonNode parks = http.json("/nps/api/v1/parks?limit=3&" + KEY);
        assertThat(parks.get("total").asText()).isEqualTo("30");
        assertThat(parks.get("limit").asText()).isEqualTo("3");
        assertThat(parks.get("data")).hasSize(3);
        JsonNode park = parks.get("data").get(0);
        assertThat(park.get("fullName").asText()).endsWith("National Park");
        assertThat(Double.parseDouble(park.get("latitude").asText())).isBetween(25.0, 48.0);
        assertThat(park.get("activities").get(0).get("name").asText()).isNotEmpty();
        JsonNode alert = http.json("/nps/api/v1/alerts?" + KEY).get("data").get(0);
        assertThat(alert.get("parkCode").asText()).isNotEmpty();
        assertThat(alert.get("category").asText()).isNotEmpty();
        JsonNode article = http.json("/nps/api/v1/articles?" + KEY).get("data").get(0);
        assertThat(article.get("relatedParks").get(0).get("fullName").asText()).isNotEmpty();
        JsonNode person = http.json("/nps/api/v1/people?" + KEY).get("data").get(0);
        assertThat(person.get("title").asText()).contains(" ");
        JsonNode paged = http.json("/nps/api/v1/parks?limit=20&start=20&" + KEY);
        assertThat(paged.get("data")).hasSize(10);
    }

    @Test
    void npsAlertsComeAndGoWithTheDays() {
        Set<String> day0 = ids(http.json("/nps/api/v1/alerts?" + KEY).get("data"));
        pg.setDay(1);
        Set<String> day1 = ids(http.json("/nps/api/v1/alerts?" + KEY).get("data"));
        assertThat(day1).hasSize(day0.size() + 1);
        Set<String> gone = new HashSet<>(day0);
        gone.removeAll(day1);
        assertThat(gone).hasSize(2);
        assertThat(http.json("/nps/api/v1/articles?" + KEY).get("total").asText()).isEqualTo("41");
    }

    private static Set<String> ids(JsonNode data) {
        Set<String> out = new HashSet<>();
        data.forEach(d -> out.add(d.get("id").asText()));
        return out;
    }

    @Test
    void zipToPointsToForecastGivesFourteenPeriodsFromToday() {
        JsonNode zip = http.json("/zippopotam/us/94612");
        JsonNode place = zip.get("places").get(0);
        assertThat(place.get("place name").asText()).isEqualTo("Oakland");
        String point = place.get("latitude").asText() + "," + place.get("longitude").asText();
        JsonNode points = http.json("/nws/points/" + point);
        String forecastUrl = points.get("properties").get("forecast").asText();
        assertThat(forecastUrl).startsWith(pg.baseUrl() + "/nws/gridpoints/");
        JsonNode periods = http.json(forecastUrl).get("properties").get("periods");
        assertThat(periods).hasSize(14);
        assertThat(periods.get(0).get("name").asText()).isEqualTo("Today");
        assertThat(periods.get(0).get("startTime").asText()).isEqualTo("2025-01-01T06:00:00+00:00");
        for (int i = 1; i < 14; i++) {
            assertThat(periods.get(i).get("startTime")).isEqualTo(periods.get(i - 1).get("endTime"));
        }
        assertThat(periods.get(0).get("temperature").isInt()).isTrue();
        assertThat(http.get("/zippopotam/us/abc").status()).isEqualTo(404);
        assertThat(http.json("/zippopotam/us/12345").get("places").get(0).get("state abbreviation").asText())
                .isEqualTo("CO");

        pg.setDay(1);
        JsonNode next = http.json(forecastUrl).get("properties").get("periods");
        // yesterday's periods 3..14 are today's 1..12, unchanged; two new ones at the end
        assertThat(next.get(0).get("startTime")).isEqualTo(periods.get(2).get("startTime"));
        assertThat(next.get(0).get("temperature")).isEqualTo(periods.get(2).get("temperature"));
        assertThat(OffsetDateTime.parse(next.get(13).get("endTime").asText()))
                .isAfter(OffsetDateTime.parse(periods.get(13).get("endTime").asText()));
    }

    @Test
    void currentObservationIsXmlAndMovesWithTheDay() throws Exception {
        Http.Result r = http.get("/noaa/xml/current_obs/KOAK.xml");
        assertThat(r.header("Content-Type")).startsWith("application/xml");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(text(doc, "station_id")).isEqualTo("KOAK");
        assertThat(text(doc, "location")).contains("Oakland");
        assertThat(text(doc, "observation_time_rfc822")).isEqualTo("Wed, 01 Jan 2025 23:53:00 +0000");
        assertThat(Double.parseDouble(text(doc, "temp_f"))).isBetween(35.0, 85.0);
        assertThat(Integer.parseInt(text(doc, "wind_degrees"))).isBetween(0, 350);
        pg.setDay(1);
        Document next = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                http.get("/noaa/xml/current_obs/KOAK.xml").body().getBytes(StandardCharsets.UTF_8)));
        assertThat(text(next, "observation_time_rfc822")).isEqualTo("Thu, 02 Jan 2025 23:53:00 +0000");
        assertThat(http.get("/noaa/xml/current_obs/nope.json").status()).isEqualTo(404);
    }

    private static String text(Document doc, String tag) {
        return doc.getElementsByTagName(tag).item(0).getTextContent();
    }
}

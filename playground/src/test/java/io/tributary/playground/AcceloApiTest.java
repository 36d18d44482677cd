package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcceloApiTest {
    private final MutableClock clock = new MutableClock();
    private Playground pg;
    private Http http;

    @BeforeEach
    void start() {
        pg = Playground.builder().clock(clock).start();
        http = new Http(pg);
    }

    @AfterEach
    void stop() {
        pg.close();
    }

    private String token() {
        Http.Result r = http.postForm("/accelo/oauth2/v0/token", "grant_type=client_credentials&client_id="
                + Credentials.CLIENT_ID + "&client_secret=" + Credentials.CLIENT_SECRET + "&scope=read(all)");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("deployment").asText()).isEqualTo("playground");
        return r.json().get("access_token").asText();
    }

    @Test
    void entitiesPageFilterAndProjectLikeAccelo() {
        String auth = "Bearer " + token();
        JsonNode body = http.json("/accelo/api/v0/companies?_limit=100&_page=0&_order_by=date_modified"
                + "&_fields=name,date_modified&_filters=date_modified_after(0)", "Authorization", auth);
        assertThat(body.get("meta").get("status").asText()).isEqualTo("ok");
        JsonNode companies = body.get("response");
        assertThat(companies).hasSize(50);
        JsonNode c = companies.get(0);
        assertThat(c.size()).isEqualTo(3); // id + the asked fields
        assertThat(c.get("id").isTextual() && c.get("date_modified").asText().matches("\\d+")).isTrue();
        long previous = 0;
        for (JsonNode row : companies) {
            long t = Long.parseLong(row.get("date_modified").asText());
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
        }
        assertThat(http.json("/accelo/api/v0/companies?_limit=100&_filters=date_modified_after(" + previous + ")",
                "Authorization", auth).get("response")).isEmpty();
        for (String entity : new String[] {"invoices", "payments", "prospects", "jobs", "staff"}) {
            Set<String> ids = new HashSet<>();
            for (int page = 0; ; page++) {
                JsonNode rows = http.json("/accelo/api/v0/" + entity + "?_limit=25&_page=" + page, "Authorization",
                        auth).get("response");
                rows.forEach(r -> ids.add(r.get("id").asText()));
                if (rows.size() < 25) {
                    break;
                }
            }
            assertThat(ids).as(entity).isNotEmpty();
        }
        JsonNode payment = http.json("/accelo/api/v0/payments?_limit=1", "Authorization", auth).get("response")
                .get(0);
        assertThat(payment.get("date_created").asText()).matches("\\d+");
        assertThat(payment.get("amount").asText()).matches("\\d+\\.\\d{2}");

        String cursor = String.valueOf(pg.now().getEpochSecond());
        pg.setDay(1);
        JsonNode changed = http.json("/accelo/api/v0/companies?_limit=100&_filters=date_modified_after("
                + (pg.now().getEpochSecond() - 86_400) + ")", "Authorization", auth).get("response");
        assertThat(changed).hasSize(5); // 2 new, 3 updated
        assertThat(cursor).isNotEmpty();
    }

    @Test
    void everyResponseCarriesRateLimitHeadersAndTheLimitIsEnforced() {
        String auth = "Bearer " + token();
        Http.Result first = http.get("/accelo/api/v0/staff", "Authorization", auth);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5000");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4998"); // the token call counted too
        assertThat(Long.parseLong(first.header("X-RateLimit-Reset"))).isGreaterThan(clock.instant().getEpochSecond());
        Http.Result faulted = http.get("/accelo/api/v0/staff?fault=500", "Authorization", auth);
        assertThat(faulted.status()).isEqualTo(500);
        assertThat(faulted.header("X-RateLimit-Remaining")).isEqualTo("4997");

        pg.setAcceloRateLimit(4);
        Http.Result lastAllowed = http.get("/accelo/api/v0/staff", "Authorization", auth);
        assertThat(lastAllowed.status()).isEqualTo(200);
        assertThat(lastAllowed.header("X-RateLimit-Remaining")).isEqualTo("0");
        Http.Result limited = http.get("/accelo/api/v0/staff", "Authorization", auth);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("Retry-After")).isNotNull();
        clock.advance(Duration.ofHours(1)); // a new window (and a new token: the old one expired with it)
        assertThat(http.get("/accelo/api/v0/staff", "Authorization", "Bearer " + token()).status()).isEqualTo(200);
    }

    @Test
    void tokensAreCheckedAndExpire() {
        assertThat(http.get("/accelo/api/v0/jobs").status()).isEqualTo(401);
        String auth = "Bearer " + token();
        assertThat(http.get("/accelo/api/v0/jobs", "Authorization", auth).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        assertThat(http.get("/accelo/api/v0/jobs", "Authorization", auth).json().get("meta").get("status").asText())
                .isEqualTo("expired_token");
        assertThat(http.postForm("/accelo/oauth2/v0/token", "grant_type=client_credentials&client_id=x"
                + "&client_secret=y").status()).isEqualTo(401);
        assertThat(http.get("/accelo/api/v0/unicorns", "Authorization", "Bearer " + token()).status())
                .isEqualTo(404);
        assertThat(http.get("/accelo/api/v0/jobs?_filters=date_modified_during(1)", "Authorization",
                "Bearer " + token()).status()).isEqualTo(400);
    }
}

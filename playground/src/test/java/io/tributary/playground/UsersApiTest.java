package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersApiTest {
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
    void pageNumberWalksAllUsersAndStopsAtTotalPages() {
        List<String> ids = new ArrayList<>();
        int page = 1;
        JsonNode body;
        do {
            body = http.json("/pagination/page_number?per_page=50&order_by=updatedAt&order_type=asc&page=" + page);
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("page_size").asInt()).isEqualTo(50);
            body.get("data").forEach(u -> ids.add(u.get("id").asText()));
            page++;
        } while (body.get("page").asInt() < body.get("total_pages").asInt());
        assertThat(body.get("total_pages").asInt()).isEqualTo(4);
        assertThat(body.get("total_items").asInt()).isEqualTo(200);
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
        assertThat(http.json("/pagination/page_number?per_page=50&page=5").get("data")).isEmpty();
    }

    @Test
    void userRecordsHaveTheExampleColumnsAndAscendingUpdatedAt() {
        JsonNode data = http.json("/pagination/offset?limit=200").get("data");
        List<String> fields = new ArrayList<>();
        data.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "name", "email", "address", "company", "job", "updatedAt",
                "createdAt");
        Instant previous = Instant.MIN;
        for (JsonNode u : data) {
            Instant updated = Instant.parse(u.get("updatedAt").asText());
            assertThat(updated).isAfter(previous).isAfterOrEqualTo(Instant.parse(u.get("createdAt").asText()));
            previous = updated;
        }
    }

    @Test
    void offsetPaginationEndsWhenOffsetPlusPageReachesTotal() {
        Set<String> ids = new HashSet<>();
        int offset = 0;
        int requests = 0;
        while (true) {
            JsonNode body = http.json("/pagination/offset?limit=30&offset=" + offset);
            requests++;
            assertThat(body.get("limit").asInt()).isEqualTo(30);
            assertThat(body.get("offset").asInt()).isEqualTo(offset);
            body.get("data").forEach(u -> ids.add(u.get("id").asText()));
            int size = body.get("data").size();
            if (offset + size >= body.get("total").asInt()) {
                break;
            }
            offset += size;
        }
        assertThat(ids).hasSize(200);
        assertThat(requests).isEqualTo(7);
    }

    @Test
    void nextPageUrlCarriesTheQueryAndIsNullOnTheLastPage() {
        String url = "/pagination/next_page_url?per_page=40&order_by=updatedAt&order_type=asc"
                + "&updated_since=0001-01-01T00:00:00Z";
        Set<String> ids = new HashSet<>();
        int pages = 0;
        while (url != null) {
            JsonNode body = http.json(url);
            pages++;
            body.get("data").forEach(u -> ids.add(u.get("id").asText()));
            url = body.get("next_page_url").isNull() ? null : body.get("next_page_url").asText();
            if (url != null) {
                assertThat(url).startsWith(pg.baseUrl()).contains("per_page=40").contains("updated_since=");
            }
        }
        assertThat(pages).isEqualTo(5);
        assertThat(ids).hasSize(200);
    }

    @Test
    void linkHeaderVariantPutsTheNextUrlInTheHeader() {
        String url = "/pagination/link_header?per_page=75";
        int pages = 0;
        Set<String> ids = new HashSet<>();
        while (url != null) {
            Http.Result r = http.get(url);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().has("next_page_url")).isFalse();
            r.json().get("data").forEach(u -> ids.add(u.get("id").asText()));
            pages++;
            String link = r.header("Link");
            url = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (link != null) {
                assertThat(link).endsWith("rel=\"next\"");
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(200);
    }

    @Test
    void keysetScrollParamContinuesAfterTheLastRecordAndDisappearsAtTheEnd() {
        String since = "2024-12-01T00:00:00Z";
        JsonNode body = http.json("/pagination/keyset?updated_since=" + since);
        List<JsonNode> all = new ArrayList<>();
        int pages = 1;
        body.get("data").forEach(all::add);
        while (body.hasNonNull("scroll_param")) {
            body = http.json("/pagination/keyset?scroll_param=" + body.get("scroll_param").asText());
            body.get("data").forEach(all::add);
            pages++;
        }
        int expected = http.json("/pagination/offset?limit=1&updated_since=" + since).get("total").asInt();
        assertThat(all).hasSize(expected);
        assertThat(pages).isEqualTo((expected + 9) / 10);
        assertThat(all).allMatch(u -> Instant.parse(u.get("updatedAt").asText()).isAfter(Instant.parse(since)));
        // A day change between pages does not break the cursor: the remaining records, old and new, follow.
        JsonNode first = http.json("/pagination/keyset?per_page=100");
        pg.setDay(1);
        JsonNode rest = http.json("/pagination/keyset?scroll_param=" + first.get("scroll_param").asText());
        assertThat(rest.get("data").size()).isEqualTo(100);
        assertThat(rest.get("scroll_param").asText()).isNotEmpty();
    }

    @Test
    void scrollTokenIsOpaqueKeepsItsSnapshotAndIsClearedAtTheEnd() {
        JsonNode body = http.json("/pagination/scroll_token?per_page=25");
        String token = body.get("scroll_param").asText();
        assertThat(token).doesNotContain("25").doesNotContain(":");
        pg.setDay(3); // the scroll keeps listing the snapshot it was opened on
        Set<String> ids = new HashSet<>();
        body.get("data").forEach(u -> ids.add(u.get("id").asText()));
        int pages = 1;
        while (!body.get("scroll_param").isNull()) {
            body = http.json("/pagination/scroll_token?scroll_param=" + body.get("scroll_param").asText());
            body.get("data").forEach(u -> ids.add(u.get("id").asText()));
            pages++;
        }
        assertThat(ids).hasSize(200);
        assertThat(pages).isEqualTo(8);
        assertThat(http.get("/pagination/scroll_token?scroll_param=" + token + "x").status()).isEqualTo(400);
        assertThat(http.get("/pagination/scroll_token?scroll_param=bm90LWEtdG9rZW4").status()).isEqualTo(400);
    }

    @Test
    void incrementalTimestampLoopsUntilEmptyAndStepSelectsIdRanges() {
        String since = "0001-01-01T00:00:00Z";
        Set<String> ids = new HashSet<>();
        int requests = 0;
        while (true) {
            JsonNode data = http.json("/incremental/timestamp?since=" + since).get("data");
            requests++;
            if (data.isEmpty()) {
                break;
            }
            data.forEach(u -> ids.add(u.get("id").asText()));
            since = data.get(data.size() - 1).get("updatedAt").asText();
        }
        assertThat(ids).hasSize(200);
        assertThat(requests).isEqualTo(3);
        assertThat(http.json("/incremental/step?start_id=1&end_id=1000").get("data")).hasSize(200);
        assertThat(http.json("/incremental/step?start_id=101&end_id=150").get("data")).hasSize(50);
        assertThat(http.json("/incremental/step?start_id=1001&end_id=2000").get("data")).isEmpty();
    }

    @Test
    void aNewDayBringsNewAndUpdatedUsersAfterTheOldCursor() {
        JsonNode day0 = http.json("/pagination/offset?limit=1000").get("data");
        String cursor = day0.get(day0.size() - 1).get("updatedAt").asText();
        Map<String, JsonNode> before = new HashMap<>();
        day0.forEach(u -> before.put(u.get("id").asText(), u));
        assertThat(http.json("/pagination/offset?updated_since=" + cursor).get("total").asInt()).isZero();

        pg.setDay(1);
        JsonNode changed = http.json("/pagination/offset?limit=1000&updated_since=" + cursor).get("data");
        long created = 0;
        long updated = 0;
        for (JsonNode u : changed) {
            JsonNode old = before.get(u.get("id").asText());
            if (old == null) {
                created++;
                assertThat(u.get("createdAt").asText()).isEqualTo(u.get("updatedAt").asText());
            } else {
                updated++;
                assertThat(u.get("createdAt")).isEqualTo(old.get("createdAt"));
                assertThat(u.get("name")).isEqualTo(old.get("name"));
                assertThat(Instant.parse(u.get("updatedAt").asText()))
                        .isAfter(Instant.parse(old.get("updatedAt").asText()));
            }
        }
        assertThat(created).isEqualTo(10);
        assertThat(updated).isEqualTo(15);
        assertThat(http.json("/pagination/offset?limit=1").get("total").asInt()).isEqualTo(210);
        pg.setDay(0);
        assertThat(http.json("/pagination/offset?limit=1000").get("data")).isEqualTo(day0);
    }

    @Test
    void badParametersGet400() {
        assertThat(http.get("/pagination/offset?limit=abc").status()).isEqualTo(400);
        assertThat(http.get("/pagination/offset?updated_since=yesterday").status()).isEqualTo(400);
        assertThat(http.get("/pagination/page_number?order_by=salary").status()).isEqualTo(400);
        assertThat(http.get("/pagination/page_number?page=0").json().get("message").asText()).contains("page");
    }

    @Test
    void authEndpointsCheckTheirCredentials() {
        String basic = java.util.Base64.getEncoder().encodeToString("playground:playground".getBytes());
        assertThat(http.get("/auth/api_key", "Authorization", "apiKey " + Credentials.API_KEY).status())
                .isEqualTo(200);
        assertThat(http.get("/auth/api_key", "Authorization", "apiKey nope").status()).isEqualTo(401);
        assertThat(http.get("/auth/http_basic", "Authorization", "Basic " + basic).json().get("data"))
                .hasSize(200);
        assertThat(http.get("/auth/http_bearer").status()).isEqualTo(401);
        assertThat(http.get("/auth/http_bearer", "Authorization", "Bearer " + Credentials.BEARER_TOKEN).status())
                .isEqualTo(200);
        Http.Result login = http.postJson("/auth/session_token/login", Map.of("username", "playground",
                "password", "playground"));
        String token = login.json().get("token").asText();
        assertThat(http.get("/auth/session_token/data", "Authorization", "Token " + token).status()).isEqualTo(200);
        assertThat(http.postJson("/auth/session_token/login", Map.of("username", "x", "password", "y")).status())
                .isEqualTo(401);
        pg.expireTokens();
        assertThat(http.get("/auth/session_token/data", "Authorization", "Token " + token).json().get("error")
                .asText()).isEqualTo("token_expired");
    }
}

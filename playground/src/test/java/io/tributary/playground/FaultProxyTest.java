package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proxy in front of a real playground: faults, the 500-after-upstream case, and the minute budget. */
class FaultProxyTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void forwardsCleanRequestsUnchanged() throws Exception {
        try (Playground pg = Playground.start(0);
                FaultProxy proxy = FaultProxy.start(pg.uri("/"), FaultSpec.none(), 0, 0)) {
            HttpResponse<String> direct = get(pg.uri("/pagination/page_number?per_page=3"));
            HttpResponse<String> proxied = get(proxy.uri().resolve("/pagination/page_number?per_page=3"));
            assertThat(proxied.statusCode()).isEqualTo(200);
            assertThat(proxied.body()).isEqualTo(direct.body());
            assertThat(proxied.headers().firstValue("Content-Type")).isEqualTo(direct.headers().firstValue("Content-Type"));
            assertThat(proxy.counts()).containsEntry("forwarded", 1L);
        }
    }

    @Test
    void aServerErrorIsInjectedAfterUpstreamHandledTheRequest() throws Exception {
        try (Playground pg = Playground.start(0);
                FaultProxy proxy = FaultProxy.start(pg.uri("/"), FaultSpec.parse("500:1.0"), 0, 0)) {
            HttpResponse<String> r = get(proxy.uri().resolve("/pagination/page_number?per_page=3"));
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("after upstream answered 200");
            assertThat(proxy.counts()).containsEntry("forwarded", 1L).containsEntry("500", 1L);
        }
    }

    @Test
    void theMinuteBudgetAnswers429WithRetryAfterOnceSpent() throws Exception {
        try (Playground pg = Playground.start(0);
                FaultProxy proxy = FaultProxy.start(pg.uri("/"), FaultSpec.none(), 30, 0)) {
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> limited = null;
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = get(proxy.uri().resolve("/pagination/page_number?per_page=1"));
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) {
                    limited = r;
                }
            }
            assertThat(statuses.subList(0, 30)).containsOnly(200);
            assertThat(statuses.subList(31, 40)).contains(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                    assertThat(Long.parseLong(v)).isBetween(1L, 2L));
            assertThat(proxy.counts().get("rate_limited")).isGreaterThanOrEqualTo(9L);
        }
    }

    @Test
    void refusesFaultsItCannotInject() {
        assertThatThrownBy(() -> FaultProxy.start(URI.create("http://127.0.0.1:1/"), FaultSpec.parse("reset:0.1"), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reset");
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}

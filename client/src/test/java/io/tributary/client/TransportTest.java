package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransportTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("key").apiSecret("secret").sleeper(sleeper)
                .readTimeout(Duration.ofMillis(500)).build();
    }

    @Test
    void sendsBasicAuthVersion2AndAUserAgent() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":{}}"))) {
            client(stub).call("GET", "groups", null);
            assertThat(stub.received.get(0).authorization()).isEqualTo("Basic a2V5OnNlY3JldA==");
            assertThat(stub.received.get(0).accept()).isEqualTo("application/json;version=2");
            assertThat(stub.received.get(0).uri()).isEqualTo("/v1/groups");
        }
    }

    @Test
    void aNullInsideAMapIsSentSoThatAPatchCanRemoveAKey() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":{}}"))) {
            java.util.Map<String, Object> config = new java.util.LinkedHashMap<>();
            config.put("api_key", null);
            config.put("region", "eu");
            client(stub).call("PATCH", "connections/c1", java.util.Map.of("config", config));
            assertThat(stub.received.get(0).body()).isEqualTo("{\"config\":{\"api_key\":null,\"region\":\"eu\"}}");
        }
    }

    @Test
    void a429StormIsRiddenOutHonouringRetryAfterCapped() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> n <= 3
                ? StubServer.Answer.json(429, "{\"code\":\"TooManyRequests\"}").withHeader("Retry-After", n == 3 ? "99999" : "7")
                : StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":{\"ok\":true}}"))) {
            TributaryClient c = TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s")
                    .sleeper(sleeper).retryPolicy(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60),
                            Duration.ofMinutes(10))).build();
            assertThat(c.call("POST", "connections", "{}").path("data").path("ok").asBoolean()).isTrue();
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7), Duration.ofMinutes(10));
        }
    }

    @Test
    void a429WithRetryAfterIsFlowControlAndOutlastsTheRetryLimitButNotForever() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> n <= 12
                ? StubServer.Answer.json(429, "{\"code\":\"TooManyRequests\"}").withHeader("Retry-After", "1")
                : StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":{\"ok\":true}}"))) {
            assertThat(client(stub).call("POST", "connections", "{}").path("data").path("ok").asBoolean()).isTrue();
            assertThat(stub.received).hasSize(13);
            assertThat(sleeper.waits).hasSize(12).containsOnly(Duration.ofSeconds(1));
        }
        try (StubServer endless = new StubServer((r, n) ->
                StubServer.Answer.json(429, "{\"code\":\"TooManyRequests\"}").withHeader("Retry-After", "1"))) {
            assertThatThrownBy(() -> client(endless).call("GET", "groups", null))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(429));
            assertThat(endless.received).as("5 retries × patience 10, then the first 429 without patience left "
                    + "counts as an attempt").hasSizeGreaterThan(50).hasSizeLessThan(60);
        }
    }

    @Test
    void a429WithoutRetryAfterBacksOffWithJitterAndGivesUpAfterTheRetries() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(429, "{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}"))) {
            assertThatThrownBy(() -> client(stub).call("GET", "groups", null))
                    .isInstanceOfSatisfying(ApiError.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.code()).isEqualTo("TooManyRequests");
                        assertThat(e.apiMessage()).isEqualTo("slow down");
                    });
            assertThat(stub.received).hasSize(6);
            for (int i = 0; i < sleeper.waits.size(); i++) {
                assertThat(sleeper.waits.get(i)).isLessThanOrEqualTo(Duration.ofSeconds(Math.min(60, 1L << i)));
            }
        }
    }

    @Test
    void serverErrorsAreRetriedForIdempotentMethodsButNeverForCreates() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> n < 3 ? StubServer.Answer.json(503, "{}")
                : StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":{}}"))) {
            client(stub).call("GET", "groups", null);
            assertThat(stub.received).hasSize(3);
        }
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(500, "{\"code\":\"InternalError\",\"message\":\"boom\"}"))) {
            assertThatThrownBy(() -> client(stub).call("POST", "groups", "{\"name\":\"x\"}"))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("InternalError"));
            assertThat(stub.received).as("a create is sent once").hasSize(1);
        }
    }

    @Test
    void timeoutsAreRetriedAndThenReportedWithoutAStatus() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, "{}").delayedBy(n == 1 ? 2_000 : 0))) {
            client(stub).call("GET", "groups", null);
            assertThat(stub.received).hasSize(2);
        }
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, "{}").delayedBy(2_000))) {
            TributaryClient c = TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").sleeper(sleeper)
                    .readTimeout(Duration.ofMillis(200)).retryPolicy(new RetryPolicy(1, Duration.ofMillis(1),
                            Duration.ofMillis(1), Duration.ofSeconds(1))).build();
            assertThatThrownBy(() -> c.call("GET", "groups", null))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isZero())
                    .hasMessageContaining("timed out");
        }
    }

    @Test
    void errorBodiesAndRequestIdsAreSurfaced() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(404,
                "{\"code\":\"NotFound_Connection\",\"message\":\"Connection with id 'x' doesn't exist\"}")
                .withHeader("X-Request-Id", "req-42"))) {
            assertThatThrownBy(() -> client(stub).call("GET", "connections/x", null))
                    .isInstanceOfSatisfying(ApiError.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("NotFound_Connection");
                        assertThat(e.requestId()).isEqualTo("req-42");
                    })
                    .hasMessage("GET connections/x → HTTP 404 NotFound_Connection: Connection with id 'x' doesn't exist "
                            + "(request id req-42)");
        }
    }

    @Test
    void aSpentBudgetPausesTheNextRequestInsteadOfCollectingA429() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, "{}")
                .withHeader("X-Rate-Limit", "3600").withHeader("X-Rate-Limit-Remaining", n == 1 ? "0" : "10"))) {
            TributaryClient c = client(stub);
            c.call("GET", "groups", null);
            c.call("GET", "groups", null);
            c.call("GET", "groups", null);
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        }
    }
}

package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final TestServer server = new TestServer();
    private final FakeTime time = new FakeTime();
    private final LogCapture log = new LogCapture();

    RetryTest() throws IOException {
    }

    @AfterEach
    void close() {
        log.close();
        server.close();
    }

    private HttpApi api(RequestPolicy.Builder policy) {
        return HttpApi.builder().baseUrl(server.url("/")).policy(policy.build()).build();
    }

    private static TestServer.Handler status(int code, String... headers) {
        return (call, reply) -> {
            for (int i = 0; i < headers.length; i += 2) {
                reply.header(headers[i], headers[i + 1]);
            }
            reply.json(code, "{\"error\":\"status " + code + "\"}");
        };
    }

    private static final TestServer.Handler OK = (call, reply) -> reply.json(200, "{\"ok\":true}");

    @Test
    void serverErrorsThenSuccessBackOffExponentiallyWithJitterAndLogEachRetry() {
        server.script("/x", status(503), status(502), OK);
        HttpApi api = api(time.policy().backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)));

        assertThat(api.get("x").json().get("ok").asBoolean()).isTrue();

        assertThat(server.count("/x")).isEqualTo(3);
        // full jitter with the fraction fixed at 0.5: half of 1 s, then half of 2 s
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(log.containing("retry ")).hasSize(2);
        assertThat(log.containing("retry 1/5")).singleElement().asString().contains("HTTP 503").contains("GET http://127.0.0.1");
        assertThat(log.containing("retry 2/5")).singleElement().asString().contains("HTTP 502");
    }

    @Test
    void backoffIsCappedAndJittered() {
        RequestPolicy p = RequestPolicy.builder().backoff(Duration.ofSeconds(1), Duration.ofSeconds(10))
                .jitter(() -> 0.999).build();
        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(999));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(3996));
        assertThat(p.backoff(10)).isEqualTo(Duration.ofMillis(9990));
        RequestPolicy zero = p.toBuilder().jitter(() -> 0.0).build();
        assertThat(zero.backoff(4)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterInSecondsReplacesTheBackoff() {
        server.script("/x", status(429, "Retry-After", "7"), OK);
        api(time.policy()).get("x").json();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(log.containing("(Retry-After)")).singleElement().asString().contains("HTTP 429");
    }

    @Test
    void retryAfterAsAnHttpDateWaitsUntilThatDate() {
        Instant at = time.instant().plusSeconds(42);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
        assertThat(date).endsWith("GMT");
        server.script("/x", status(503, "Retry-After", date), OK);

        api(time.policy()).get("x").json();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(42));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:00 GMT", time.instant().plusSeconds(5))).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", time.instant())).isNull();
    }

    @Test
    void a429StormIsRiddenOutWithinTheRetryBudget() {
        TestServer.Handler tooMany = status(429, "Retry-After", "2");
        server.script("/x", tooMany, tooMany, tooMany, tooMany, tooMany, tooMany, OK);

        api(time.policy().maxRetries(8)).get("x").json();

        assertThat(server.count("/x")).isEqualTo(7);
        assertThat(time.sleeps()).hasSize(6).allMatch(d -> d.equals(Duration.ofSeconds(2)));
        assertThat(log.containing("HTTP 429")).hasSize(6);
    }

    @Test
    void a429StormLongerThanTheRetriesFailsWithTheLastStatus() {
        server.on("/x", status(429));
        HttpException e = catchThrowableOfType(HttpException.class,
                () -> api(time.policy().maxRetries(3)).get("x").json());
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.getMessage()).contains("after 4 attempts").contains("status 429");
        assertThat(server.count("/x")).isEqualTo(4);
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void theRetryTimeCapStopsRetryingBeforeItIsPassed() {
        server.on("/x", status(503, "Retry-After", "4"));
        HttpException e = catchThrowableOfType(HttpException.class,
                () -> api(time.policy().maxRetries(100).maxRetryTime(Duration.ofSeconds(10))).get("x").json());
        // waits 4 + 4 = 8 s; a third wait would end at 12 s, past the 10 s cap
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(server.count("/x")).isEqualTo(3);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).contains("retry-time cap of 10 s").contains("after 3 attempts");
    }

    @Test
    void aTimeoutIsRetriedAndTheRetryLogSaysSo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.script("/slow", (call, reply) -> {
            release.await(10, TimeUnit.SECONDS);
            reply.json(200, "{\"late\":true}");
        }, OK);
        try {
            HttpApi api = api(time.policy().readTimeout(Duration.ofMillis(300)));
            assertThat(api.get("slow").json().get("ok").asBoolean()).isTrue();
        } finally {
            release.countDown();
        }
        // at least the timed-out call and the good one (a loaded machine may time out the good one too)
        assertThat(server.count("/slow")).isGreaterThanOrEqualTo(2);
        assertThat(log.containing("retry 1/5")).singleElement().asString().contains("read timeout of 300 ms");
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serveDropFirst(socket, connections), "drop-first");
            t.setDaemon(true);
            t.start();
            HttpApi api = HttpApi.builder().policy(time.policy().build()).build();
            String body = api.get("http://127.0.0.1:" + socket.getLocalPort() + "/x").text();
            assertThat(body).isEqualTo("ok");
        }
        // the JDK itself retries a GET once on a dropped connection, so two drops reach the policy as one failure
        assertThat(connections.get()).isGreaterThanOrEqualTo(3);
        assertThat(log.containing("retry 1/5")).singleElement().asString().contains("I/O error");
    }

    private static void serveDropFirst(ServerSocket socket, AtomicInteger connections) {
        try {
            while (true) {
                try (Socket s = socket.accept()) {
                    if (connections.incrementAndGet() <= 2) {
                        continue; // close without a response
                    }
                    s.getInputStream().read(new byte[4096]);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // the test closed the socket
        }
    }

    @Test
    void connectionRefusedGivesUpAfterTheRetriesWithStatusZero() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpApi api = HttpApi.builder().policy(time.policy().maxRetries(2).build()).build();
        HttpException e = catchThrowableOfType(HttpException.class, () -> api.get("http://127.0.0.1:" + port + "/x").json());
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains("failed after 3 attempts").contains("connection refused");
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void aNonRetryable4xxFailsAtOnceWithStatusMaskedUrlAndTruncatedBody() {
        String echoed = "invalid key SECRETKEY123 " + "x".repeat(5000);
        server.on("/items", (call, reply) -> reply.text(404, echoed));
        HttpApi api = api(time.policy());

        HttpException e = catchThrowableOfType(HttpException.class,
                () -> api.get("items?api_key=SECRETKEY123&page=2").query("token", "TOK456").query("password", "pw1").json());

        assertThat(server.count("/items")).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.url()).isEqualTo(server.url("/items?api_key=***&page=2&token=***&password=***"));
        assertThat(e.body()).startsWith("invalid key *** xxx").contains("truncated").hasSizeLessThan(Bodies.MAX_CHARS + 60);
        assertThat(e.getMessage()).contains("HTTP 404").contains(e.url())
                .doesNotContain("SECRETKEY123").doesNotContain("TOK456").doesNotContain("pw1");
        // and the server did get the real values
        assertThat(server.calls("/items").get(0).query()).containsEntry("api_key", "SECRETKEY123").containsEntry("token", "TOK456");
    }

    @Test
    void onlyTransientStatusesAreRetryable() {
        for (int s : List.of(408, 429, 500, 502, 503, 504, 599)) {
            assertThat(RequestPolicy.isRetryable(s)).as("status %d", s).isTrue();
        }
        for (int s : List.of(200, 301, 400, 401, 403, 404, 422, 501, 505)) {
            assertThat(RequestPolicy.isRetryable(s)).as("status %d", s).isFalse();
        }
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> RequestPolicy.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestPolicy.builder().backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("below the initial backoff");
        assertThatThrownBy(() -> RequestPolicy.builder().readTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
    }
}

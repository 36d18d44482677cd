package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A body cut short or stalled after a 200 is an I/O failure like any other: whole-body reads retry it. The server
 * is a raw socket so that it can misbehave in ways a well-behaved HTTP server library refuses to.
 */
class TruncatedBodyTest {
    private static final byte[] BODY = "{\"data\":[{\"id\":1},{\"id\":2}],\"next\":null,\"token\":\"t-42\"}"
            .getBytes(StandardCharsets.UTF_8);
    private final BlockingQueue<String> script = new LinkedBlockingQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aTruncatedBodyIsRetriedByJsonReadsAndPaginators() throws Exception {
        HttpApi api = start(Duration.ofSeconds(10), "truncate", "whole", "truncate", "whole");
        assertThat(api.get("items").json().path("data")).hasSize(2);
        assertThat(requests.get()).as("the truncated attempt was retried").isEqualTo(2);
        int pages = 0;
        for (Page page : Paginator.nextUrl(api.get("items")).nextUrlAt("/next").records("/data").build()) {
            assertThat(page.records()).hasSize(2);
            pages++;
        }
        assertThat(pages).isEqualTo(1);
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void aLoginAnswerCutShortIsSentAgain() throws Exception {
        HttpApi api = start(Duration.ofSeconds(10), "truncate", "whole");
        Token token = SessionLogin.with(a -> a.post("login").jsonBody(java.util.Map.of("username", "ada")))
                .tokenAt("/token").build().fetch(api);
        assertThat(token.value()).isEqualTo("t-42");
        assertThat(requests.get()).as("the cut login answer was retried").isEqualTo(2);
    }

    @Test
    void aStalledBodyTimesOutAndIsRetried() throws Exception {
        HttpApi api = start(Duration.ofMillis(300), "stall", "whole");
        assertThat(api.get("items").json().path("data")).hasSize(2);
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aBodyThatAlwaysStallsFailsNamingTheTimeout() throws Exception {
        HttpApi api = start(Duration.ofMillis(200), "stall", "stall", "stall", "stall");
        assertThatThrownBy(() -> api.get("items").json())
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("/items")
                .hasMessageContaining("stalled");
        assertThat(requests.get()).isEqualTo(4);
    }

    private HttpApi start(Duration readTimeout, String... behaviours) throws IOException {
        script.addAll(java.util.List.of(behaviours));
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "misbehaving-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return HttpApi.builder().baseUrl("http://127.0.0.1:" + server.getLocalPort() + "/")
                .policy(RequestPolicy.builder().maxRetries(3).readTimeout(readTimeout)
                        .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build())
                .build();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                // One thread per connection: a stalled answer must not hold up the retry.
                Thread answer = new Thread(() -> answer(socket), "misbehaving-answer");
                answer.setDaemon(true);
                answer.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (Socket socket = connection) {
            readHeaders(socket.getInputStream());
            requests.incrementAndGet();
            String behaviour = script.take();
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(BODY, 0, behaviour.equals("whole") ? BODY.length : BODY.length / 2);
            out.flush();
            if (behaviour.equals("stall")) {
                Thread.sleep(2_000);
            }
        } catch (IOException | InterruptedException ignored) {
            // the client went away; the test's assertions say whether that was right
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}

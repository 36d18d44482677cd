package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {
    private final TestServer server = new TestServer();
    private final FakeTime time = new FakeTime();
    private final LogCapture log = new LogCapture();

    AuthTest() throws IOException {
    }

    @AfterEach
    void close() {
        log.close();
        server.close();
    }

    private HttpApi api(Auth auth) {
        return HttpApi.builder().baseUrl(server.url("/api/")).policy(time.policy().build()).auth(auth).build();
    }

    /** /api/me answers 200 only to {@code Authorization: Bearer <accepted>}, 401 otherwise. */
    private void protectedResource(String... accepted) {
        server.on("/api/me", (call, reply) -> {
            String auth = call.header("Authorization");
            if (auth != null && List.of(accepted).contains(auth.replace("Bearer ", ""))) {
                reply.json(200, "{\"user\":\"ada\"}");
            } else {
                reply.json(401, "{\"error\":\"invalid_token\"}");
            }
        });
    }

    /** A token endpoint that hands out t1, t2, t3... each valid for {@code expiresIn} seconds. */
    private AtomicInteger tokenEndpoint(int expiresIn) {
        AtomicInteger issued = new AtomicInteger();
        server.on("/oauth/token", (call, reply) -> reply.json(200, "{\"access_token\":\"t" + issued.incrementAndGet()
                + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"));
        return issued;
    }

    @Test
    void apiKeyInAHeaderOrTheQueryString() {
        server.on("/api/items", (call, reply) -> reply.json(200, "{}"));
        api(Auth.apiKeyHeader("X-Api-Key", "k1")).get("items").json();
        api(Auth.apiKeyQuery("api_key", "k2")).get("items?api_key=stale&x=1").json();

        List<TestServer.Call> calls = server.calls("/api/items");
        assertThat(calls.get(0).header("X-Api-Key")).isEqualTo("k1");
        assertThat(calls.get(1).rawQuery()).isEqualTo("x=1&api_key=k2"); // replaced, not duplicated
    }

    @Test
    void basicAndBearer() {
        server.on("/api/items", (call, reply) -> reply.json(200, "{}"));
        api(Auth.basic("ada", "p@ss:word")).get("items").json();
        api(Auth.bearer("tok")).get("items").json();

        List<TestServer.Call> calls = server.calls("/api/items");
        String basic = calls.get(0).header("Authorization");
        assertThat(basic).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)).isEqualTo("ada:p@ss:word");
        assertThat(calls.get(1).header("Authorization")).isEqualTo("Bearer tok");
    }

    @Test
    void clientCredentialsFetchesOneTokenAndReusesIt() {
        AtomicInteger issued = tokenEndpoint(3600);
        protectedResource("t1");
        HttpApi api = api(OAuth2.clientCredentials(server.url("/oauth/token"), "client", "s3/cr+t=").scope("read(all)").build());

        for (int i = 0; i < 3; i++) {
            assertThat(api.get("me").json().get("user").asText()).isEqualTo("ada");
        }
        assertThat(issued.get()).isEqualTo(1);
        TestServer.Call tokenCall = server.calls("/oauth/token").get(0);
        assertThat(tokenCall.method()).isEqualTo("POST");
        assertThat(TestServer.parse(tokenCall.body())).containsEntry("grant_type", "client_credentials")
                .containsEntry("scope", "read(all)").doesNotContainKey("client_secret");
        assertThat(tokenCall.header("Authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("client:s3/cr+t=".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTokenIsRenewedBeforeItExpires() {
        AtomicInteger issued = tokenEndpoint(600);
        protectedResource("t1", "t2");
        HttpApi api = api(OAuth2.clientCredentials(server.url("/oauth/token"), "c", "s").build());

        api.get("me").json();
        time.advance(Duration.ofSeconds(539)); // refresh is due 60 s before expiry, at 540 s
        api.get("me").json();
        assertThat(issued.get()).isEqualTo(1);
        time.advance(Duration.ofSeconds(2));
        api.get("me").json();

        assertThat(issued.get()).isEqualTo(2);
        assertThat(server.calls("/api/me")).extracting(c -> c.header("Authorization"))
                .containsExactly("Bearer t1", "Bearer t1", "Bearer t2");
    }

    @Test
    void a401RefreshesTheTokenAndRetriesOnce() {
        AtomicInteger issued = tokenEndpoint(3600);
        protectedResource("t2"); // the server revoked t1 early
        HttpApi api = api(OAuth2.clientCredentials(server.url("/oauth/token"), "c", "s").build());

        assertThat(api.get("me").json().get("user").asText()).isEqualTo("ada");

        assertThat(issued.get()).isEqualTo(2);
        assertThat(server.calls("/api/me")).extracting(c -> c.header("Authorization")).containsExactly("Bearer t1", "Bearer t2");
        assertThat(log.containing("HTTP 401")).singleElement().asString().contains("credentials refreshed");
    }

    @Test
    void a401AfterTheRefreshFailsInsteadOfLooping() {
        AtomicInteger issued = tokenEndpoint(3600);
        protectedResource(); // accepts nothing
        HttpApi api = api(OAuth2.clientCredentials(server.url("/oauth/token"), "c", "s").build());

        HttpException e = catchThrowableOfType(HttpException.class, () -> api.get("me").json());

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.body()).contains("invalid_token");
        assertThat(server.count("/api/me")).isEqualTo(2);
        assertThat(issued.get()).isEqualTo(2);
    }

    @Test
    void staticCredentialsAreNotRetriedOn401() {
        protectedResource("good");
        HttpException e = catchThrowableOfType(HttpException.class, () -> api(Auth.bearer("bad")).get("me").json());
        assertThat(e.status()).isEqualTo(401);
        assertThat(server.count("/api/me")).isEqualTo(1);
    }

    @Test
    void refreshTokenGrantKeepsAndReportsARotatedRefreshToken() {
        AtomicInteger n = new AtomicInteger();
        server.on("/oauth/token", (call, reply) -> {
            int i = n.incrementAndGet();
            reply.json(200, "{\"access_token\":\"t" + i + "\",\"refresh_token\":\"r" + (i + 1) + "\",\"expires_in\":3600}");
        });
        protectedResource("t2");
        List<String> rotated = new CopyOnWriteArrayList<>();
        HttpApi api = api(OAuth2.refreshToken(server.url("/oauth/token"), "c", "s", "r1").credentialsInBody()
                .onNewRefreshToken(rotated::add).build());

        api.get("me").json(); // t1 → 401 → refresh with r2 → t2

        List<TestServer.Call> tokenCalls = server.calls("/oauth/token");
        assertThat(tokenCalls).hasSize(2);
        Map<String, String> first = TestServer.parse(tokenCalls.get(0).body());
        assertThat(first).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "r1")
                .containsEntry("client_id", "c").containsEntry("client_secret", "s");
        assertThat(tokenCalls.get(0).header("Authorization")).isNull();
        assertThat(TestServer.parse(tokenCalls.get(1).body())).containsEntry("refresh_token", "r2");
        assertThat(rotated).containsExactly("r2", "r3");
    }

    @Test
    void sessionTokenFromALoginCallIsRenewedWhenItExpires() {
        AtomicInteger logins = new AtomicInteger();
        server.on("/api/login", (call, reply) -> {
            if (!call.body().contains("\"user\":\"ada\"") || !call.body().contains("\"password\":\"pw\"")) {
                reply.json(400, "{\"error\":\"bad login\"}");
                return;
            }
            reply.json(200, "{\"session\":{\"id\":\"s" + logins.incrementAndGet() + "\",\"ttl\":120}}");
        });
        server.on("/api/items", (call, reply) -> reply.json(200, "{}"));
        Auth auth = TokenAuth.builder(SessionLogin.with(a -> a.post("login").jsonBody(Map.of("user", "ada", "password", "pw")))
                        .tokenAt("$.session.id").expiresInAt("$.session.ttl").build())
                .header("X-Session-Token", "").build();
        HttpApi api = api(auth);

        api.get("items").json();
        api.get("items").json();
        time.advance(Duration.ofSeconds(121));
        api.get("items").json();

        assertThat(logins.get()).isEqualTo(2);
        assertThat(server.calls("/api/login")).allMatch(c -> c.header("X-Session-Token") == null);
        assertThat(server.calls("/api/items")).extracting(c -> c.header("X-Session-Token")).containsExactly("s1", "s1", "s2");
    }

    @Test
    void aRedirectLoopFailsInsteadOfReturningA3xx() {
        server.on("/api/a", (call, reply) -> reply.header("Location", "/api/b").send(302, null, new byte[0]));
        server.on("/api/b", (call, reply) -> reply.header("Location", "/api/a").send(302, null, new byte[0]));
        HttpException e = catchThrowableOfType(HttpException.class, () -> api(Auth.none()).get("a").json());
        assertThat(e.status()).isEqualTo(302);
        assertThat(e.getMessage()).contains("redirect loop");
        assertThat(server.count("/api/a") + server.count("/api/b")).isEqualTo(6);
    }

    @Test
    void aMissingTokenInTheLoginAnswerSaysWhereItLooked() {
        server.on("/api/login", (call, reply) -> reply.json(200, "{\"ok\":true}"));
        Auth auth = TokenAuth.builder(SessionLogin.with(a -> a.post("login")).tokenAt("/token").build()).build();
        HttpApi api = api(auth);
        Throwable e = catchThrowableOfType(RuntimeException.class, () -> api.get("items").json());
        assertThat(e).hasMessageContaining("without a token at /token");
    }

    @Test
    void credentialsAreDroppedWhenARedirectLeavesTheHost() throws Exception {
        try (TestServer storage = new TestServer()) {
            storage.on("/blob", (call, reply) -> reply.text(200, "data"));
            server.on("/api/export", (call, reply) -> reply.header("Location", storage.url("/blob?sig=abc")).send(302, null, new byte[0]));
            server.on("/api/moved", (call, reply) -> reply.header("Location", "/api/items").send(301, null, new byte[0]));
            server.on("/api/items", (call, reply) -> reply.json(200, "{}"));
            HttpApi api = api(Auth.bearer("tok"));

            assertThat(api.get("export").text()).isEqualTo("data");
            api.get("moved").json();

            assertThat(storage.calls("/blob").get(0).header("Authorization")).isNull();
            assertThat(storage.calls("/blob").get(0).rawQuery()).isEqualTo("sig=abc");
            assertThat(server.calls("/api/items").get(0).header("Authorization")).isEqualTo("Bearer tok");
        }
    }
}

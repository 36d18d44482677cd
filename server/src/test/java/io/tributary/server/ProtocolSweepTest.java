package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.auth.ApiKeys;
import io.tributary.server.http.Router;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour every route shares: authentication, roles, negotiation, rate limits, hostile input. */
class ProtocolSweepTest {
    private static final String HOSTILE = "%27%20OR%20%271%27%3D%271%3B%20DROP%20TABLE%20api_keys%3B--";

    @TempDir
    Path dir;

    private static String concrete(String path, String id) {
        return path.replaceAll("\\{[^}]+}", id);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyRouteNeedsAKeyAndEveryWriteNeedsTheRightRole(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            List<Router.Route> routes = f.server.routes();
            assertThat(routes).hasSizeGreaterThan(5);
            for (Router.Route route : routes) {
                String path = concrete(route.path(), "some_id");
                Http.Answer anonymous = f.anonymous.send(route.method(), path, "{}", "application/json");
                assertThat(anonymous.status()).as("%s %s without a key", route.method(), path).isEqualTo(401);
                assertThat(anonymous.code()).isEqualTo("Unauthorized");
                Http.Answer badKey = new Http(f.server.port()).as("nope", "wrong").send(route.method(), path, "{}", "application/json");
                assertThat(badKey.status()).isEqualTo(401);
                if (!route.method().equals("GET")) {
                    Http.Answer reviewer = f.reviewer.send(route.method(), path, "{}", "application/json");
                    assertThat(reviewer.status()).as("%s %s as a reviewer", route.method(), path).isEqualTo(403);
                    assertThat(reviewer.code()).isEqualTo("Forbidden");
                }
                Http.Answer hostile = f.admin.send(route.method(), concrete(route.path(), HOSTILE), "{}", "application/json");
                assertThat(hostile.status()).as("%s %s with SQL in the id", route.method(), route.path())
                        .isIn(200, 400, 404);
                assertThat(hostile.json()).as("an envelope").isNotNull();
            }
            assertThat(f.admin.get("/v1/account/info").status()).as("the store survived").isEqualTo(200);
        }
    }

    /** Every read, with real ids where a route names a webhook, group or destination: no webhook secret shows. */
    @Test
    void webhookSecretsNeverLeaveTheServer() {
        String secret = "sweep-secret-7f3a";
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir)) {
            String groupId = f.admin.post("/v1/groups", "{\"name\": \"sweep\"}").data().path("id").asText();
            String body = "{\"url\": \"https://example.invalid/hook\", \"events\": [\"sync_end\"], \"active\": false, "
                    + "\"secret\": \"" + secret + "\"}";
            String accountHook = f.admin.post("/v1/webhooks/account", body).data().path("id").asText();
            String groupHook = f.admin.post("/v1/webhooks/group/" + groupId, body).data().path("id").asText();
            assertThat(f.admin.patch("/v1/webhooks/" + groupHook, "{\"secret\": \"" + secret + "2\"}").text())
                    .doesNotContain(secret);
            for (String hook : List.of(accountHook, groupHook)) {
                for (Router.Route route : f.server.routes()) {
                    if (!route.method().equals("GET")) {
                        continue;
                    }
                    String path = route.path().replace("{webhookId}", hook).replace("{groupId}", groupId)
                            .replace("{destinationId}", groupId);
                    Http.Answer answer = f.admin.get(concrete(path, "some_id"));
                    assertThat(answer.text()).as("GET %s", path).doesNotContain(secret);
                }
            }
            assertThat(f.admin.get("/v1/webhooks/" + accountHook).data().path("secret").asText()).isEqualTo("******");
        }
    }

    @Test
    void negotiationMethodsAndUnknownRoutes() {
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir)) {
            assertThat(f.admin.accept("text/html").get("/v1/groups").status()).isEqualTo(406);
            assertThat(f.admin.accept("text/html").get("/v1/groups").code()).isEqualTo("NotAcceptable");
            for (String accept : new String[] {null, "*/*", "application/json", "application/json;version=2",
                    "application/json; version=2"}) {
                assertThat(f.admin.accept(accept).get("/v1/groups").status()).as("Accept %s", accept).isEqualTo(200);
            }
            Http.Answer plain = f.admin.send("POST", "/v1/groups", "name=x", "text/plain");
            assertThat(plain.status()).isEqualTo(415);
            assertThat(f.admin.send("PUT", "/v1/groups", "{}", "application/json").status()).isEqualTo(405);
            Http.Answer unknown = f.admin.get("/v1/nothing-here");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.code()).isEqualTo("NotFound");
            assertThat(f.admin.post("/v1/groups/", "{\"name\": \"slash\"}").status()).as("trailing slash").isEqualTo(201);
            assertThat(f.admin.get("/v1/groups/").status()).isEqualTo(200);
            assertThat(f.admin.get("/v1/groups/..%2F..%2Fetc%2Fpasswd").status()).isEqualTo(404);
        }
    }

    @Test
    void sqlMetacharactersInNamesAreStoredVerbatim() {
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir)) {
            String name = "x'); DROP TABLE destination_groups; -- \\\" \u00e9";
            Http.Answer created = f.admin.post("/v1/groups", "{\"name\": \"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(f.admin.get("/v1/groups/" + created.data().path("id").asText()).data().path("name").asText())
                    .isEqualTo(name);
        }
    }

    @Test
    void theHourlyBudgetAnswers429WithRetryAfter() {
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir, c -> c.withRequestsPerHour(5))) {
            Http.Answer first = f.admin.get("/v1/groups");
            assertThat(first.headers().firstValue("X-Rate-Limit")).hasValue("5");
            assertThat(first.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("4");
            for (int i = 0; i < 4; i++) {
                assertThat(f.admin.get("/v1/groups").status()).isEqualTo(200);
            }
            Http.Answer limited = f.admin.get("/v1/groups");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo("TooManyRequests");
            assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isBetween(1L, 720L);
            assertThat(limited.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
        }
    }

    @Test
    void theFirstStartPrintsAnAdministratorKeyOnceAndStoresOnlyItsHash() throws Exception {
        ServerConfig config = StoreKind.H2.fresh(dir);
        String secret;
        try (TributaryServer first = TributaryServer.start(config)) {
            secret = first.initialKey().orElseThrow().secret();
            try (var c = first.database().connection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT secret_hash FROM api_keys")) {
                rs.next();
                assertThat(rs.getString(1)).hasSize(64).doesNotContain(secret);
            }
        }
        try (TributaryServer again = TributaryServer.start(config)) {
            assertThat(again.initialKey()).as("no new key on a later start").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void nodesStartingAtOnceMakeOneFirstAdministratorKey(StoreKind store) throws Exception {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            io.tributary.server.store.Jdbc jdbc = new io.tributary.server.store.Jdbc(f.server.database());
            // Back to "never started": the fixture's own first start claimed the milestone.
            jdbc.update("DELETE FROM server_milestones");
            long before = jdbc.count("SELECT count(*) FROM api_keys");
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(6);
            List<java.util.concurrent.Future<java.util.Optional<ApiKeys.Credentials>>> starts = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                starts.add(nodes.submit(() -> new ApiKeys(jdbc).createFirstAdministrator()));
            }
            int printed = 0;
            for (var start : starts) {
                printed += start.get().isPresent() ? 1 : 0;
            }
            nodes.shutdown();
            assertThat(printed).as("one node prints a first key").isEqualTo(1);
            assertThat(jdbc.count("SELECT count(*) FROM api_keys")).as("the losers removed theirs").isEqualTo(before + 1);
            assertThat(new ApiKeys(jdbc).createFirstAdministrator()).as("and no later start makes another").isEmpty();
        }
    }
}

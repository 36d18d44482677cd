package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.model.Connection;
import io.tributary.api.model.SetupTest;
import org.junit.jupiter.api.Test;

/** Setup tests with trust flags, and a group's connections in pages of a chosen size. */
class ConnectionSetupTestsTest {
    private static String connection(String id, String setupState) {
        return "{\"id\":\"" + id + "\",\"group_id\":\"g\",\"service\":\"connector_sdk\",\"schema\":\"s_" + id + "\","
                + "\"paused\":false,\"status\":{\"setup_state\":\"" + setupState + "\",\"sync_state\":\"scheduled\"},"
                + "\"setup_tests\":[{\"title\":\"Destination\",\"status\":\"PASSED\",\"message\":\"\"}]}";
    }

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
    }

    @Test
    void setupTestsSendTheTrustFlagsAndReturnTheResults() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200,
                "{\"code\":\"Success\",\"message\":\"Setup tests have been completed\",\"data\":" + connection("c", "connected") + "}"))) {
            Connection tested = client(stub).connections().test("c", true, false);
            assertThat(tested.status().setupState()).isEqualTo("connected");
            assertThat(tested.setupTests()).containsExactly(new SetupTest("Destination", "PASSED", ""));
            assertThat(stub.received.get(0).method()).isEqualTo("POST");
            assertThat(stub.received.get(0).uri()).isEqualTo("/v1/connections/c/test");
            assertThat(stub.received.get(0).body()).contains("\"trust_certificates\":true", "\"trust_fingerprints\":false");
        }
    }

    @Test
    void aGroupsConnectionsComeInPagesOfTheSizeAsked() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, n == 1
                ? "{\"code\":\"Success\",\"data\":{\"items\":[" + connection("a", "broken") + "," + connection("b", "connected")
                + "],\"next_cursor\":\"p2\"}}"
                : "{\"code\":\"Success\",\"data\":{\"items\":[" + connection("c", "broken") + "]}}"))) {
            assertThat(client(stub).connections().inGroup("g", 2).map(Connection::id).toList()).containsExactly("a", "b", "c");
            assertThat(stub.received).extracting(StubServer.Received::uri)
                    .containsExactly("/v1/groups/g/connections?limit=2", "/v1/groups/g/connections?limit=2&cursor=p2");
            assertThatThrownBy(() -> client(stub).connections().inGroup("g", 1001))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1000");
        }
    }

    @Test
    void aMissingConnectionIsAnApiError() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(404,
                "{\"code\":\"NotFound_Connection\",\"message\":\"Connection with id 'x' not found\"}"))) {
            assertThatThrownBy(() -> client(stub).connections().test("x", true, true))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("NotFound_Connection"));
        }
    }
}

package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.model.Connection;
import io.tributary.api.model.ConnectionRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionsTest {
    private static final String CONNECTION = "{\"id\":\"c1\",\"group_id\":\"g1\",\"service\":\"connector_sdk\","
            + "\"schema\":\"hello\",\"paused\":true,\"sync_frequency\":60,\"created_at\":\"2024-01-01T00:00:00.000000Z\","
            + "\"status\":{\"setup_state\":\"connected\",\"sync_state\":\"paused\",\"is_historical_sync\":false},"
            + "\"config\":{\"schema\":\"hello\",\"api_key\":\"******\"}}";

    private static StubServer.Answer ok(String data) {
        return StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":" + data + "}");
    }

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
    }

    @Test
    void listsWithGroupAndSchemaFiltersEncodedInTheQuery() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> ok("{\"items\":[" + CONNECTION + "]}"))) {
            Connections connections = client(stub).connections();
            assertThat(connections.list().map(Connection::id).toList()).containsExactly("c1");
            assertThat(connections.find("g 1", "hello")).map(Connection::schema).contains("hello");
            assertThat(connections.find("g1", "other")).as("a schema that differs is not a match").isEmpty();
            assertThat(stub.received).extracting(StubServer.Received::uri).containsExactly(
                    "/v1/connections?limit=1000", "/v1/connections?group_id=g+1&schema=hello&limit=1000",
                    "/v1/connections?group_id=g1&schema=other&limit=1000");
        }
    }

    @Test
    void createUpdateAndGetAnswerTypedConnectionsWithMaskedSecretsAsShown() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> ok(CONNECTION))) {
            Connections connections = client(stub).connections();
            ConnectionRequest request = new ConnectionRequest("g1", "connector_sdk", null, null, null, true, null, 60,
                    null, null, null, null, null, null, null, null, null, null, null, null, null,
                    Map.of("schema", "hello"), null);
            Connection created = connections.create(request);
            assertThat(created.paused()).isTrue();
            assertThat(created.syncFrequency()).isEqualTo(60);
            assertThat(created.config()).containsEntry("api_key", "******");
            assertThat(created.status().setupState()).isEqualTo("connected");
            connections.update("c1", new ObjectMapper().readTree("{\"sync_frequency\":15}"));
            connections.get("c/1");
            connections.delete("c1");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "POST /v1/connections", "PATCH /v1/connections/c1", "GET /v1/connections/c%2F1",
                    "DELETE /v1/connections/c1");
            assertThat(stub.received.get(0).body()).contains("\"group_id\":\"g1\"", "\"paused\":true",
                    "\"sync_frequency\":60").doesNotContain("null");
            assertThat(stub.received.get(1).body()).isEqualTo("{\"sync_frequency\":15}");
        }
    }

    @Test
    void actionsSendTheBodiesTheApiDocuments() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> r.uri().endsWith("/state")
                ? ok("{\"state\":{\"cursor\":\"2024\"}}") : r.uri().endsWith("/test") ? ok(CONNECTION)
                : StubServer.Answer.json(200, "{\"code\":\"Success\",\"message\":\"triggered\"}"))) {
            Connections connections = client(stub).connections();
            connections.sync("c1", true);
            connections.resync("c1");
            connections.resync("c1", Map.of("shop", List.of("orders")));
            assertThat(connections.test("c1", true).id()).isEqualTo("c1");
            assertThat(connections.state("c1").path("cursor").asText()).isEqualTo("2024");
            connections.updateState("c1", new ObjectMapper().readTree("{\"cursor\":\"2025\"}"));
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri() + " " + r.body()).containsExactly(
                    "POST /v1/connections/c1/sync {\"force\":true}",
                    "POST /v1/connections/c1/resync {}",
                    "POST /v1/connections/c1/resync {\"scope\":{\"shop\":[\"orders\"]}}",
                    "POST /v1/connections/c1/test {\"trust_certificates\":true,\"trust_fingerprints\":true}",
                    "GET /v1/connections/c1/state ",
                    "PATCH /v1/connections/c1/state {\"state\":{\"cursor\":\"2025\"}}");
            assertThatThrownBy(() -> connections.resync("c1", Map.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void errorsAreApiErrorsWithTheServersCodeAndMessage() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(404,
                "{\"code\":\"NotFound_Connection\",\"message\":\"Connection with id 'nope' doesn't exist\"}"))) {
            assertThatThrownBy(() -> client(stub).connections().get("nope")).isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.code()).isEqualTo("NotFound_Connection");
                assertThat(e.apiMessage()).contains("nope");
            });
        }
    }
}

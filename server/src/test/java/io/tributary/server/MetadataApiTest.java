package io.tributary.server;

import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MetadataApiTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void connectorTypesListTheServicesTheServerRuns(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String list = "/v1/metadata/connector-types";
            Http.Answer types = assertConforms("GET", list, f.reviewer.get(list));
            JsonNode items = types.data().path("items");
            assertThat(items).extracting(t -> t.path("id").asText()).containsExactly("connector_sdk");
            JsonNode sdk = items.get(0);
            assertThat(sdk.path("name").asText()).isEqualTo("Connector SDK");
            assertThat(sdk.path("type").asText()).isEqualTo("Function");
            assertThat(sdk.has("config")).as("the list leaves out field descriptions").isFalse();
            assertThat(sdk.path("supported_features")).extracting(x -> x.path("id").asText()).contains("RE_SYNC");
            assertThat(types.data().has("next_cursor")).isFalse();
            assertConforms("GET", list, f.admin.get("/v1/metadata/connectors"));
            assertThat(f.admin.get(list + "?limit=0").status()).isEqualTo(400);
            Http.Answer beyond = assertConforms("GET", list, f.admin.get(list + "?cursor=eyJza2lwIjo1fQ"));
            assertThat(beyond.data().path("items")).isEmpty();

            Http.Answer details = assertConforms("GET", list + "/connector_sdk", f.admin.get(list + "/connector_sdk"));
            JsonNode config = details.data().path("config");
            assertThat(config.path("required")).extracting(JsonNode::asText).containsExactly("schema");
            assertThat(config.path("properties").fieldNames()).toIterable()
                    .contains("schema", "connector_class", "package_id", "secrets_list");
            assertThat(config.path("properties").path("secrets_list").path("items").path("properties").path("value")
                    .path("format").asText()).isEqualTo("password");
            assertThat(details.data().path("auth").isObject()).isTrue();
            assertConforms("GET", list + "/connector_sdk", f.admin.get("/v1/metadata/connectors/connector_sdk"));

            Http.Answer unknown = f.admin.get(list + "/google_ads");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.code()).isEqualTo("NotFound_ConnectorType");
            assertThat(unknown.json().path("message").asText()).contains("'google_ads'");
            assertThat(f.anonymous.get(list).status()).isEqualTo(401);
        }
    }
}

package io.tributary.server;

import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.Discovered.Column;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The legacy {@code /v1/metadata/connectors/{id}/schemas|tables|columns} that api_framework's sql_writer reads. */
class SourceMetadataApiTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void listsTheCapturedSourceWithDestinationNamesAndParents(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "meta"), "meta");
            String base = "/v1/metadata/connectors/" + id;
            Http.Answer before = f.reviewer.get(base + "/schemas");
            assertThat(before.status()).isEqualTo(404);
            assertThat(before.code()).isEqualTo("NotFound_SchemaConfig");
            assertThat(before.json().path("message").asText()).contains(id, "doesn't have schema config");

            f.discover(id, new Discovered.Table("Sales", "sales", "OrderLines", "order_lines", false,
                            List.of(Column.key("Id"), new Column("unitPrice", "unit_price", false))),
                    Discovered.Table.of("shop", "customers", Column.key("id")));

            JsonNode schemas = items(f, base + "/schemas");
            assertThat(schemas).extracting(s -> s.path("name_in_source").asText() + "->" + s.path("name_in_destination").asText())
                    .containsExactlyInAnyOrder("Sales->sales", "shop->shop");
            JsonNode tables = items(f, base + "/tables");
            JsonNode orderLines = find(tables, "OrderLines");
            assertThat(orderLines.path("name_in_destination").asText()).isEqualTo("order_lines");
            assertThat(orderLines.path("parent_id").asText()).isEqualTo(find(schemas, "Sales").path("id").asText());
            JsonNode columns = items(f, base + "/columns");
            JsonNode price = find(columns, "unitPrice");
            assertThat(price.path("name_in_destination").asText()).isEqualTo("unit_price");
            assertThat(price.path("parent_id").asText()).isEqualTo(orderLines.path("id").asText());
            assertThat(price.path("is_primary_key").asBoolean()).isFalse();
            assertThat(find(columns, "Id").path("is_primary_key").asBoolean()).isTrue();
            assertThat(columns).hasSize(3);

            assertThat(items(f, "/v1/metadata/connections/" + id + "/tables")).isEqualTo(tables);
            List<String> paged = new ArrayList<>();
            String cursor = "";
            do {
                Http.Answer page = f.admin.get(base + "/columns?limit=2&cursor=" + cursor);
                page.data().path("items").forEach(c -> paged.add(c.path("name_in_source").asText()));
                cursor = page.data().path("next_cursor").asText("");
            } while (!cursor.isEmpty());
            assertThat(paged).containsExactlyInAnyOrder("Id", "unitPrice", "id");

            Http.Answer unknown = f.admin.get("/v1/metadata/connectors/nope/columns");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.code()).isEqualTo("NotFound_Connection");
            assertThat(f.anonymous.get(base + "/schemas").status()).isEqualTo(401);
        }
    }

    private static JsonNode items(ServerFixture f, String path) {
        Http.Answer answer = f.reviewer.get(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        assertThat(answer.data().has("next_cursor")).isFalse();
        return answer.data().path("items");
    }

    private static JsonNode find(JsonNode items, String nameInSource) {
        for (JsonNode item : items) {
            if (item.path("name_in_source").asText().equals(nameInSource)) {
                return item;
            }
        }
        throw new AssertionError(nameInSource + " not in " + items);
    }
}

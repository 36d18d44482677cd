package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.Discovered.Column;
import io.tributary.server.schemas.SchemaConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tributary api schemas show|edit` against the real server, checking the stored schema config. */
class ApiSchemasCommandTest {
    @TempDir
    static Path logs;

    @TempDir
    Path dir;

    private ApiServer api;
    private String id;

    @BeforeEach
    void start() {
        api = new ApiServer(dir.resolve("data"), logs);
        id = api.connection(api.group("Prod"), "shop", Map.of());
        api.discover(id,
                new Discovered.Table("shop", "shop_dw", "orders", "orders_t", true,
                        List.of(Column.key("id"), Column.of("email"), Column.of("note"))),
                new Discovered.Table("shop", "shop_dw", "customers", "customers", false,
                        List.of(Column.key("id"), Column.of("name"))),
                new Discovered.Table("shop", "shop_dw", "a.b", "a_b", false, List.of(Column.key("id"))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private SchemaConfig stored() {
        return api.storedSchemaConfig(id).orElseThrow();
    }

    @Test
    void showListsSchemasTablesAndSetColumnsOrTheWholeConfigAsJson() throws Exception {
        api.api("schemas", "edit", id, "--hash", "shop.orders.email");
        CliRun table = api.api("schemas", "show", id);
        assertThat(table.exitCode()).as(table.all()).isZero();
        assertThat(table.out()).contains("schema change handling: ALLOW_ALL", "OBJECT", "NAME_IN_DESTINATION",
                "shop.orders", "orders_t", "SOFT_DELETE", "shop.orders.email", "shop.customers", "shop.a.b", "(5 rows)");
        CliRun json = api.api("schemas", "show", id, "--json");
        JsonNode config = new ObjectMapper().readTree(json.out());
        assertThat(config.path("schemas").path("shop").path("name_in_destination").asText()).isEqualTo("shop_dw");
        assertThat(config.path("schemas").path("shop").path("tables").path("orders").path("columns").path("email")
                .path("hashed").asBoolean()).isTrue();
        CliRun missing = api.api("schemas", "show", api.connection(api.group("Other"), "other", Map.of()));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("NotFound_SchemaConfig", "doesn't have schema config",
                "hint: create the schema config first: tributary api schemas reload");
    }

    @Test
    void reloadCreatesAMissingConfigAndExcludeDisablesEverything() throws Exception {
        String other = api.connection(api.group("Fresh"), "fresh", Map.of());
        assertThat(api.api("schemas", "reload", other, "--dry-run").out())
                .contains("POST connections/" + other + "/schemas/reload {\"exclude_mode\":\"PRESERVE\"}");
        assertThat(api.storedSchemaConfig(other)).as("a dry run creates nothing").isEmpty();
        CliRun created = api.api("schemas", "reload", other);
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out()).contains("schema change handling: ALLOW_ALL");
        assertThat(api.storedSchemaConfig(other)).isPresent();

        CliRun excluded = api.api("schemas", "reload", id, "--exclude-mode", "EXCLUDE");
        assertThat(excluded.exitCode()).as(excluded.all()).isZero();
        assertThat(stored().schemas().get("shop").tables().values()).allSatisfy(t -> assertThat(t.enabled()).isFalse());
        CliRun bad = api.api("schemas", "reload", id, "--exclude-mode", "SOMETIMES");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("PRESERVE", "EXCLUDE", "INCLUDE");
    }

    @Test
    void editAppliesEveryChangeInOnePatch() throws Exception {
        int before = ((Number) api.value("SELECT version FROM schema_configs WHERE connection_id = ?", id)).intValue();
        CliRun run = api.api("schemas", "edit", id, "--disable", "shop.customers", "--disable", "shop.orders.note",
                "--hash", "shop.orders.email", "--disable", "shop.a.b", "--schema-change-handling", "BLOCK_ALL");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("disable shop.customers", "hash shop.orders.email", "(5 changes)");
        SchemaConfig config = stored();
        assertThat(config.handling().name()).isEqualTo("BLOCK_ALL");
        assertThat(config.schema("shop").table("customers").enabled()).isFalse();
        assertThat(config.schema("shop").table("a.b").enabled()).as("a dotted table name").isFalse();
        assertThat(config.schema("shop").table("orders").enabled()).isTrue();
        assertThat(config.schema("shop").table("orders").column("note").enabled()).isFalse();
        assertThat(config.schema("shop").table("orders").column("email").hashed()).isTrue();
        assertThat(api.value("SELECT version FROM schema_configs WHERE connection_id = ?", id))
                .as("one PATCH, one new version").isEqualTo(before + 1);

        assertThat(api.api("schemas", "edit", id, "--enable", "shop.customers", "--unhash", "shop.orders.email",
                "--disable", "shop").exitCode()).isZero();
        assertThat(stored().schema("shop").enabled()).isFalse();
        assertThat(stored().schema("shop").table("customers").enabled()).isTrue();
        assertThat(stored().schema("shop").table("orders").column("email").hashed()).isFalse();
    }

    @Test
    void aRefusedChangeLeavesTheWholeConfigAsItWas() throws Exception {
        CliRun locked = api.api("schemas", "edit", id, "--disable", "shop.customers", "--disable", "shop.orders.id");
        assertThat(locked.exitCode()).isEqualTo(1);
        assertThat(locked.err()).contains("InvalidInput", "cannot be changed", "column 'id' of table 'orders'");
        assertThat(stored().schema("shop").table("customers").enabled()).as("all or nothing").isTrue();
        CliRun unknown = api.api("schemas", "edit", id, "--disable", "shop.nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("NotFound_TableConfig", "Table 'nope' doesn't exist");
        CliRun dryRun = api.api("schemas", "edit", id, "--disable", "shop.customers", "--dry-run");
        assertThat(dryRun.out()).contains("PATCH connections/" + id + "/schemas {\"schemas\":{\"shop\":{\"tables\":"
                + "{\"customers\":{\"enabled\":false}}}}}");
        assertThat(stored().schema("shop").table("customers").enabled()).isTrue();
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(api.api("schemas", "edit", id).err()).contains("nothing to change");
        CliRun notAColumn = api.api("schemas", "edit", id, "--hash", "shop.orders");
        assertThat(notAColumn.exitCode()).isEqualTo(2);
        assertThat(notAColumn.err()).contains("SCHEMA.TABLE.COLUMN");
        CliRun both = api.api("schemas", "edit", id, "--enable", "shop.orders", "--disable", "shop.orders");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("'shop.orders' is both enable and disable");
        CliRun badHandling = api.api("schemas", "edit", id, "--schema-change-handling", "SOMETIMES");
        assertThat(badHandling.exitCode()).isEqualTo(2);
        assertThat(badHandling.err()).contains("ALLOW_ALL");
    }
}

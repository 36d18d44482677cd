package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ApiJson;
import io.tributary.client.SchemaConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary api schemas …}: a connection's schema config. */
@Command(name = "schemas", mixinStandardHelpOptions = true, description = "A connection's schema config.",
        subcommands = {SchemasCommand.Show.class, SchemasEdit.class, SchemasReload.class})
final class SchemasCommand {
    static final List<String> COLUMNS = List.of("object", "enabled", "hashed", "sync_mode", "name_in_destination",
            "locked");

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the schemas, tables and the columns set by users: one row each (or the whole config with --json).")
    static final class Show implements Callable<Integer> {
        private static final ObjectMapper JSON = ApiJson.mapper();

        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Parameters(paramLabel = "CONNECTION_ID")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SchemaConfig config = api.client().schemas().get(id);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                output.print(out, JSON.valueToTree(config));
                return 0;
            }
            out.println("schema change handling: " + config.schemaChangeHandling()
                    + (config.isTypeLocked() ? " (types locked)" : ""));
            output.table(out, rows(config), COLUMNS);
            return 0;
        }

        static List<JsonNode> rows(SchemaConfig config) {
            List<JsonNode> rows = new ArrayList<>();
            config.schemas().forEach((schemaName, schema) -> {
                rows.add(row(schemaName, schema.enabled(), null, null, schema.nameInDestination(), null));
                schema.tables().forEach((tableName, table) -> {
                    rows.add(row(schemaName + "." + tableName, table.enabled(), null, table.syncMode(),
                            table.nameInDestination(), table.enabledPatchSettings()));
                    table.columns().forEach((columnName, column) -> rows.add(row(schemaName + "." + tableName + "."
                            + columnName, column.enabled(), column.hashed(), null, column.nameInDestination(),
                            column.enabledPatchSettings())));
                });
            });
            return rows;
        }

        private static JsonNode row(String object, boolean enabled, Boolean hashed, String syncMode,
                                    String nameInDestination, SchemaConfig.PatchSettings patch) {
            ObjectNode row = JSON.createObjectNode();
            row.put("object", object);
            row.put("enabled", enabled);
            if (hashed != null) {
                row.put("hashed", hashed);
            }
            if (syncMode != null) {
                row.put("sync_mode", syncMode);
            }
            row.put("name_in_destination", nameInDestination);
            if (patch != null && !patch.allowed()) {
                row.put("locked", patch.reasonCode() == null ? "yes" : patch.reasonCode());
            }
            return row;
        }
    }
}

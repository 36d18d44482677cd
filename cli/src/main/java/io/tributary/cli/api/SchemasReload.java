package io.tributary.cli.api;

import io.tributary.client.SchemaConfig;
import io.tributary.client.Schemas;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary api schemas reload ID}: creates the schema config of a connection that has none, or refreshes
 * it, as api_framework's schema_check does before reading which schemas are disabled.
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = "Create or refresh a connection's schema config, then show it.")
final class SchemasReload implements Callable<Integer> {
    @Mixin
    ApiConnection api;

    @Mixin
    Output output;

    @Mixin
    DryRun dryRun;

    @Parameters(paramLabel = "CONNECTION_ID")
    String id;

    @Option(names = "--exclude-mode", defaultValue = "PRESERVE",
            description = "PRESERVE keeps what is enabled, EXCLUDE disables every schema and table, INCLUDE enables "
                    + "them (default: ${DEFAULT-VALUE}).")
    Schemas.ExcludeMode mode;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun.print(out, "POST", "connections/" + id + "/schemas/reload", Map.of("exclude_mode", mode.name()))) {
            return 0;
        }
        SchemaConfig config = api.client().schemas().reload(id, mode);
        if (output.json) {
            output.print(out, io.tributary.api.ApiJson.mapper().valueToTree(config));
            return 0;
        }
        out.println("schema change handling: " + config.schemaChangeHandling()
                + (config.isTypeLocked() ? " (types locked)" : ""));
        output.table(out, SchemasCommand.Show.rows(config), SchemasCommand.COLUMNS);
        return 0;
    }
}

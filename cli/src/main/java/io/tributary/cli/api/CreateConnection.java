package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.model.Connection;
import io.tributary.cli.project.UserError;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary api connections create}: one connection from flags or a whole body; prints its id. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a connection from flags or --json FILE and print its id (setup problems go to stderr).")
final class CreateConnection implements Callable<Integer> {
    @Mixin
    ApiConnection api;

    @Mixin
    DryRun dryRun;

    @Mixin
    ConnectionFlags flags;

    @Option(names = "--group", paramLabel = "GROUP_ID", description = "The group (destination) to load into.")
    String group;

    @Option(names = "--service", description = "The connector type, e.g. connector_sdk.")
    String service;

    @Option(names = "--schema", description = "The destination schema (config.schema), fixed once created.")
    String schema;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode request = flags.request("the body of a connection create");
        if (group != null) {
            request.put("group_id", group);
        }
        if (service != null) {
            request.put("service", service);
        }
        if (schema != null) {
            (request.path("config").isObject() ? (ObjectNode) request.get("config") : request.putObject("config"))
                    .put("schema", schema);
        }
        for (String required : new String[] {"group_id", "service"}) {
            if (request.path(required).asText("").isBlank()) {
                throw new UserError("a connection needs " + required + ": pass --" + required.replace("_id", "")
                        + " or set it in --json FILE");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        // secrets show masked, as the API shows them
        JsonNode shown = ConfigValues.hide(request, ConfigValues.secretsListNames(request));
        if (dryRun.print(out, "POST", "connections", shown)) {
            return 0;
        }
        Connection created = api.client().connections().create(request);
        out.println(created.id());
        SetupReport.warnUnlessConnected(spec.commandLine().getErr(), created);
        return 0;
    }
}

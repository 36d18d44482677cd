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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary api connections update ID}: changes only what the flags or the body set. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a connection's config, pause state or sync frequency (or anything in --json FILE).")
final class UpdateConnection implements Callable<Integer> {
    @Mixin
    ApiConnection api;

    @Mixin
    DryRun dryRun;

    @Mixin
    ConnectionFlags flags;

    @Parameters(paramLabel = "CONNECTION_ID")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode request = flags.request("the body of a connection update");
        if (request.isEmpty()) {
            throw new UserError("nothing to change: pass --config, --paused, --sync-frequency or --json FILE");
        }
        PrintWriter out = spec.commandLine().getOut();
        // secrets show masked, as the API shows them
        JsonNode shown = ConfigValues.hide(request, ConfigValues.secretsListNames(request));
        if (dryRun.print(out, "PATCH", "connections/" + id, shown)) {
            return 0;
        }
        Connection updated = api.client().connections().update(id, request);
        out.println("Updated " + updated.id() + ": paused " + updated.paused() + ", every " + updated.syncFrequency()
                + " min");
        SetupReport.warnUnlessConnected(spec.commandLine().getErr(), updated);
        return 0;
    }
}

package io.tributary.cli.api;

import io.tributary.cli.project.UserError;
import io.tributary.client.TransformationWaiter;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code tributary api transformations} commands that act on a transformation; each takes {@code --dry-run}. */
final class TransformationActions {
    private TransformationActions() {
    }

    /** Shared by the actions: the API, the output, dry runs, and the transformation. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Mixin
        DryRun dryRun;

        @Parameters(paramLabel = "TRANSFORMATION_ID")
        String id;

        @Spec
        CommandSpec spec;

        String path() {
            return "transformations/" + id;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a transformation; with --wait, wait for the run to end (exit 0 succeeded, 1 failed or "
                    + "canceled, 3 timed out).")
    static final class Run extends Action {
        @Option(names = "--full-refresh", description = "Rebuild incremental models from scratch.")
        boolean fullRefresh;

        @Option(names = "--wait", description = "Wait until the run ends.")
        boolean await;

        @Option(names = "--timeout", defaultValue = "PT1H", description = "How long --wait waits, e.g. PT30M (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--poll", defaultValue = "PT15S", description = "How often --wait polls (default: ${DEFAULT-VALUE}).")
        Duration poll;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (timeout.isNegative() || poll.isNegative() || poll.isZero()) {
                throw new UserError("--timeout must not be negative and --poll must be positive");
            }
            if (dryRun.print(out, "POST", path() + "/run", Map.of("full_refresh", fullRefresh))) {
                return 0;
            }
            TributaryClient client = api.client();
            if (!await) {
                client.transformations().run(id, fullRefresh);
                output.done(out, "Run requested for transformation " + id);
                return 0;
            }
            try {
                TransformationWaiter.Result result = client.transformations().waiter().pollEvery(poll)
                        .runAndWait(id, fullRefresh, timeout);
                if (output.json) {
                    output.print(out, TransformationsCommand.row(result.transformation()));
                } else {
                    boolean ok = result.outcome() == TransformationWaiter.Outcome.SUCCEEDED;
                    String line = "Run of transformation " + id + " " + result.transformation().status().toLowerCase()
                            + " at " + result.endedAt();
                    out.println(Ansi.AUTO.string((ok ? "@|green " : "@|red ") + line + "|@"));
                }
                return result.outcome() == TransformationWaiter.Outcome.SUCCEEDED ? 0 : 1;
            } catch (TransformationWaiter.TimeoutException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 3;
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a transformation's queued or running run.")
    static final class Cancel extends Action {
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!dryRun.print(out, "POST", path() + "/cancel", Map.of())) {
                api.client().transformations().cancel(id);
                output.done(out, "Cancel requested for transformation " + id);
            }
            return 0;
        }
    }
}

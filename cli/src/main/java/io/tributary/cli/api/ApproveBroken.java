package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.model.Connection;
import io.tributary.api.model.SetupTest;
import io.tributary.cli.project.UserError;
import io.tributary.client.ApiError;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tributary api certificates approve-broken --group G}: api_framework's cert_mgmt script done right. It
 * walks every page of the group's connections, then re-runs the setup tests of each broken one trusting
 * certificates and fingerprints, and reports each test. Exit 1 when any connection still fails.
 */
@Command(name = "approve-broken", mixinStandardHelpOptions = true,
        description = {"Re-run the setup tests of a group's broken connections, trusting the certificates and "
                + "fingerprints they meet; print each test's result.",
                "Exit 0 when every broken connection is connected again, 1 when any still fails. With --dry-run "
                        + "the connections are read but no test is run."})
final class ApproveBroken implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Boolean> TRUST_ALL = Map.of("trust_certificates", true, "trust_fingerprints", true);

    @Mixin
    ApiConnection api;

    @Mixin
    Output output;

    @Mixin
    DryRun dryRun;

    @Option(names = "--group", required = true, description = "The group (its id) whose connections to repair.")
    String group;

    @Option(names = "--page-size", defaultValue = "1000",
            description = "Connections per page when listing the group, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Spec
    CommandSpec spec;

    /** One broken connection after its tests: {@code error} is set when the test request itself failed. */
    private record Outcome(Connection before, Connection after, ApiError error) {
        boolean fixed() {
            return after != null && "connected".equals(setupState(after));
        }
    }

    @Override
    public Integer call() {
        if (pageSize < 1 || pageSize > TributaryClient.MAX_PAGE_SIZE) {
            throw new UserError("--page-size must be 1 to 1000, got " + pageSize);
        }
        PrintWriter out = spec.commandLine().getOut();
        TributaryClient client = api.client();
        // Every page first: the tests change setup states, and the list must not shift under the walk.
        List<Connection> broken = client.connections().inGroup(group, pageSize)
                .filter(c -> "broken".equals(setupState(c))).toList();
        if (dryRun.enabled) {
            broken.forEach(c -> dryRun.print(out, "POST", "connections/" + c.id() + "/test", TRUST_ALL));
            out.println(broken.size() + " broken connection" + (broken.size() == 1 ? "" : "s") + " in group " + group
                    + " would be tested (dry run: none was)");
            return 0;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Connection c : broken) {
            try {
                outcomes.add(new Outcome(c, client.connections().test(c.id(), true, true), null));
            } catch (ApiError e) {
                outcomes.add(new Outcome(c, null, e)); // e.g. deleted meanwhile: report it and go on with the rest
            }
        }
        long fixed = outcomes.stream().filter(Outcome::fixed).count();
        long failing = outcomes.size() - fixed;
        if (output.json) {
            output.print(out, report(outcomes, fixed, failing));
        } else {
            output.table(out, rows(outcomes), List.of("connection", "schema", "setup_state", "title", "status", "message"));
            String summary = outcomes.size() + " broken connection" + (outcomes.size() == 1 ? "" : "s") + " in group "
                    + group + ": " + fixed + " connected again, " + failing + " still failing";
            out.println(Ansi.AUTO.string(failing == 0 ? "@|green " + summary + "|@" : "@|red " + summary + "|@"));
        }
        return failing == 0 ? 0 : 1;
    }

    /** One row per setup test (or per failed request), so every title, status and message shows. */
    private static List<JsonNode> rows(List<Outcome> outcomes) {
        List<JsonNode> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                rows.add(row(o, "", "ERROR", o.error().getMessage()));
                continue;
            }
            List<SetupTest> tests = o.after().setupTests() == null ? List.of() : o.after().setupTests();
            if (tests.isEmpty()) {
                rows.add(row(o, "", "", "the server reported no setup tests"));
            }
            tests.forEach(t -> rows.add(row(o, t.title(), t.status(), t.message())));
        }
        return rows;
    }

    private static JsonNode row(Outcome o, String title, String status, String message) {
        ObjectNode row = JSON.createObjectNode();
        row.put("connection", o.before().id());
        row.put("schema", o.before().schema());
        row.put("setup_state", o.after() == null ? "broken" : setupState(o.after()));
        row.put("title", title);
        row.put("status", status);
        row.put("message", message);
        return row;
    }

    private ObjectNode report(List<Outcome> outcomes, long fixed, long failing) {
        ObjectNode report = JSON.createObjectNode();
        report.put("group_id", group);
        report.put("broken", outcomes.size());
        report.put("connected_again", fixed);
        report.put("still_failing", failing);
        ArrayNode connections = report.putArray("connections");
        for (Outcome o : outcomes) {
            ObjectNode c = connections.addObject();
            c.put("id", o.before().id());
            c.put("schema", o.before().schema());
            c.put("setup_state", o.after() == null ? "broken" : setupState(o.after()));
            if (o.error() != null) {
                c.put("error", o.error().getMessage());
            } else {
                c.set("setup_tests", JSON.valueToTree(o.after().setupTests() == null ? List.of() : o.after().setupTests()));
            }
        }
        return report;
    }

    private static String setupState(Connection c) {
        return c.status() == null ? "" : c.status().setupState();
    }
}

package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.model.Team;
import io.tributary.api.model.TeamRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary api teams …}: api_framework's new_team, and the account's teams. */
@Command(name = "teams", mixinStandardHelpOptions = true, description = "Teams of users.",
        subcommands = {TeamsCommand.ListTeams.class, TeamsCommand.Create.class})
final class TeamsCommand {
    static final List<String> COLUMNS = List.of("id", "name", "description", "role");

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every team, across all pages.")
    static final class ListTeams implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            output.table(spec.commandLine().getOut(), ApiBodies.rows(api.client().teams().list()), COLUMNS);
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a team (exit 1 if the server refuses, e.g. a taken name or an unknown role).")
    static final class Create implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Mixin
        DryRun dryRun;

        @Option(names = "--name", required = true, description = "The team's name (unique in the account).")
        String name;

        @Option(names = "--description", description = "What the team is for.")
        String description;

        @Option(names = "--role", description = "The team's account role, e.g. 'Account Analyst' (default: none).")
        String role;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            TeamRequest request = new TeamRequest(name, description, role);
            if (dryRun.print(out, "POST", "teams", ApiBodies.json(request))) {
                return 0;
            }
            Team team = api.client().teams().create(request);
            JsonNode row = ApiBodies.json(team);
            if (output.json) {
                output.print(out, row);
            } else {
                output.table(out, List.of(row), COLUMNS);
            }
            output.done(out, "Created team " + team.name() + " (" + team.id() + ")");
            return 0;
        }
    }
}

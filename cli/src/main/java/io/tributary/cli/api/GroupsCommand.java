package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tributary api groups …}. */
@Command(name = "groups", mixinStandardHelpOptions = true, description = "Groups (one destination each).",
        subcommands = GroupsCommand.ListGroups.class)
final class GroupsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every group, across all pages.")
    static final class ListGroups implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<JsonNode> groups = api.client().list("groups").toList();
            output.table(spec.commandLine().getOut(), groups, List.of("id", "name", "created_at"));
            return 0;
        }
    }
}

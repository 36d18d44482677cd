package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiJson;
import io.tributary.client.Transformation;
import io.tributary.client.Transformations;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary api transformations …}: list here; run and cancel in TransformationActions. */
@Command(name = "transformations", mixinStandardHelpOptions = true, description = "Transformations.",
        subcommands = {TransformationsCommand.ListTransformations.class, TransformationActions.Run.class,
                TransformationActions.Cancel.class})
final class TransformationsCommand {
    private static final ObjectMapper JSON = ApiJson.mapper();

    /** A transformation as output rows show it: the API's fields, snake_case. */
    static JsonNode row(Transformation t) {
        return JSON.valueToTree(t);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List transformations across every page, optionally of one group.")
    static final class ListTransformations implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Option(names = "--group", description = "Only this group's transformations (its id).")
        String group;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Transformations transformations = api.client().transformations();
            Stream<Transformation> found = group == null ? transformations.list() : transformations.inGroup(group);
            output.table(spec.commandLine().getOut(), found.map(TransformationsCommand::row).toList(),
                    List.of("id", "transformation_config.name", "type", "status", "paused", "schedule.schedule_type",
                            "last_started_at", "last_ended_at"));
            return 0;
        }
    }
}

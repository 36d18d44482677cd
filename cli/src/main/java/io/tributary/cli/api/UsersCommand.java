package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.model.User;
import io.tributary.api.model.UserRequest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary api users …}: api_framework's new_user, and the account's users. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Users of the account.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Create.class})
final class UsersCommand {
    static final List<String> COLUMNS = List.of("id", "email", "given_name", "family_name", "role", "active",
            "invited");

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every user, across all pages.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Option(names = "--active", arity = "1", paramLabel = "true|false",
                description = "Only active users (true) or only inactive ones (false).")
        Boolean active;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var users = api.client().users();
            Stream<User> all = active == null ? users.list() : users.list(active);
            output.table(spec.commandLine().getOut(), ApiBodies.rows(all), COLUMNS);
            return 0;
        }
    }

    /** Invites a user; the server checks the email, the phone, the picture and the role and names what is wrong. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Invite a user to the account (exit 1 if the server refuses, e.g. a taken email or an unknown role).")
    static final class Create implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Mixin
        DryRun dryRun;

        @Option(names = "--email", required = true, description = "The user's email address (unique in the account).")
        String email;

        @Option(names = "--given-name", required = true, description = "First name.")
        String givenName;

        @Option(names = "--family-name", required = true, description = "Last name.")
        String familyName;

        @Option(names = "--phone", description = "Phone number, e.g. +1234567890.")
        String phone;

        @Option(names = "--picture", description = "Avatar: an http(s) URL or a base64 image.")
        String picture;

        @Option(names = "--role", description = "Account role, e.g. 'Account Reviewer' (default: none).")
        String role;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            UserRequest request = new UserRequest(email, givenName, familyName, phone, picture, role);
            if (dryRun.print(out, "POST", "users", ApiBodies.json(request))) {
                return 0;
            }
            User user = api.client().users().invite(request);
            JsonNode row = ApiBodies.json(user);
            if (output.json) {
                output.print(out, row);
            } else {
                output.table(out, List.of(row), COLUMNS);
            }
            output.done(out, "Invited " + user.email() + " (" + user.id() + ")");
            return 0;
        }
    }
}

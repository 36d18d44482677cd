package io.tributary.cli.api;

import picocli.CommandLine.Command;

/** {@code tributary api}: Fivetran's api_framework scenarios as commands, for Fivetran's cloud or a Tributary server. */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Automate connections, users, teams, webhooks, certificates and transformations through the REST API (Fivetran's cloud or a Tributary server).",
        subcommands = {GroupsCommand.class, DestinationsCommand.class, ConnectionsCommand.class, UsersCommand.class,
                TeamsCommand.class, WebhooksCommand.class, CertificatesCommand.class, TransformationsCommand.class,
                SchemasCommand.class, SqlCommand.class})
public final class ApiCommand {
}

package io.tributary.cli.api;

import picocli.CommandLine.Command;

/** {@code tributary api sql …}: SQL that refers to a connection's tables. */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "SQL files and a connection's destination names.",
        subcommands = SqlRewrite.class)
final class SqlCommand {
}

package io.tributary.cli;

import io.tributary.cli.project.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command. Each subcommand is a class of its own. */
@Command(name = "tributary", mixinStandardHelpOptions = true, versionProvider = Tributary.Version.class,
        description = "Build, run and manage data connectors.",
        subcommands = {DebugCommand.class, ResetCommand.class, InspectCommand.class, InitCommand.class,
                PackageCommand.class, DeployCommand.class,
                ConfigurationCommand.class, PlaygroundCommand.class, ServerCommand.class,
                io.tributary.cli.api.ApiCommand.class,
                CommandLine.HelpCommand.class})
public final class Tributary {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Tributary());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + e.getMessage()));
                return 2;
            }
            if (e instanceof io.tributary.client.ApiError apiError) {
                commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + e.getMessage()));
                io.tributary.cli.api.ApiHints.forError(apiError).ifPresent(hint -> commandLine.getErr().println("hint: " + hint));
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Tributary.class.getPackage().getImplementationVersion();
            return new String[] {"tributary " + (v == null ? "development build" : v)};
        }
    }
}

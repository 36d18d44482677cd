package io.tributary.cli;

import io.tributary.cli.project.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The connector project a command works on, and which of its connectors: shared by debug, package and deploy. */
final class ProjectArgument {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", defaultValue = ".",
            description = "The connector project directory (default: current).")
    Path project;

    @Option(names = "--connector", paramLabel = "CLASS",
            description = "The connector class, when the project has more than one.")
    String connectorClass;

    /** The project directory, absolute; a clear error when it does not exist. */
    Path dir() {
        Path dir = project.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserError("project directory " + dir + " does not exist");
        }
        return dir;
    }
}

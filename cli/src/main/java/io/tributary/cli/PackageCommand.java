package io.tributary.cli;

import io.tributary.cli.console.LogsOnStandardError;
import io.tributary.cli.project.ConnectorPackage;
import io.tributary.cli.project.ConnectorProject;
import io.tributary.cli.project.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Builds the zip that {@code deploy} uploads, for a look inside or an upload by other means. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = "Compile a connector project and write its package (a zip a Tributary server runs).")
final class PackageCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = ".", description = "The connector project directory (default: current).")
    Path project;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to write the zip (default: PROJECT/target/tributary/connector-package.zip).")
    Path output;

    @Option(names = "--connector", paramLabel = "CLASS",
            description = "The connector class, when the project has more than one.")
    String connectorClass;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (LogsOnStandardError ignored = LogsOnStandardError.open()) {
            return run();
        }
    }

    private Integer run() {
        Path dir = project.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserError("project directory " + dir + " does not exist");
        }
        Path zip = output != null ? output : defaultZip(dir);
        ConnectorProject.Build build = new ConnectorProject(dir).build(connectorClass);
        List<Path> libs = ConnectorPackage.write(build, zip);
        spec.commandLine().getOut().println(zip.toAbsolutePath());
        spec.commandLine().getErr().println("connector " + build.connectorType().getName() + ", "
                + libs.size() + " dependency jar" + (libs.size() == 1 ? "" : "s"));
        return 0;
    }

    static Path defaultZip(Path dir) {
        return dir.resolve("target").resolve("tributary").resolve("connector-package.zip");
    }
}

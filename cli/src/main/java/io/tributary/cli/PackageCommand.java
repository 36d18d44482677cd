package io.tributary.cli;

import io.tributary.cli.console.LogsOnStandardError;
import io.tributary.cli.project.ConnectorPackage;
import io.tributary.cli.project.ConnectorProject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds the zip that {@code deploy} uploads, for a look inside or an upload by other means. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = "Compile a connector project and write its package (a zip a Tributary server runs).")
final class PackageCommand implements Callable<Integer> {
    @Mixin
    ProjectArgument project;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to write the zip (default: PROJECT/target/tributary/connector-package.zip).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (LogsOnStandardError ignored = LogsOnStandardError.open()) {
            return run();
        }
    }

    private Integer run() {
        Path dir = project.dir();
        Path zip = output != null ? output : defaultZip(dir);
        ConnectorProject.Build build = new ConnectorProject(dir).build(project.connectorClass);
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

package io.tributary.cli;

import io.tributary.cli.project.ProjectFiles;
import io.tributary.cli.project.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Deletes a project's {@code files/}: the warehouse and the state, so the next run starts over. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Delete the project's local warehouse and state (files/), to start over.")
final class ResetCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = ".", description = "The connector project directory (default: current).")
    Path project;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = project.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserError("project directory " + dir + " does not exist");
        }
        Path files = new ProjectFiles(dir).filesDir();
        var out = spec.commandLine().getOut();
        if (!Files.exists(files)) {
            out.println("Nothing to reset: " + files + " does not exist.");
            return 0;
        }
        if (!yes && !confirm(out, files)) {
            out.println("Reset cancelled.");
            return 1;
        }
        try (Stream<Path> paths = Files.walk(files)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
        out.println("Deleted " + files + ": the next run starts from an empty state.");
        return 0;
    }

    private static boolean confirm(java.io.PrintWriter out, Path files) throws IOException {
        out.print("This will delete your current state and warehouse.db in " + files
                + ". Do you want to continue? (Y/n) ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (answer == null) {
            throw new UserError("no answer on standard input; pass --yes to reset without asking");
        }
        String a = answer.trim().toLowerCase();
        return a.isEmpty() || a.equals("y") || a.equals("yes");
    }
}

package io.tributary.cli.api;

import io.tributary.cli.project.UserError;
import io.tributary.client.SchemaConfig;
import io.tributary.client.TributaryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary api sql rewrite ID FILE…}: api_framework's sql_writer. SQL written against the source's names
 * is rewritten to the names the connection loads into, in place (see {@link SqlRenamer} for what is rewritten).
 */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
        description = "Rewrite source schema, table and qualified column names in SQL files into their names in "
                + "the destination, in place (--dry-run shows the changes and writes nothing).")
final class SqlRewrite implements Callable<Integer> {
    @Mixin
    ApiConnection api;

    // Not the DryRun mixin: this command sends no changes, it writes files.
    @Option(names = "--dry-run", description = "Show what would change and write no file.")
    boolean dryRun;

    @Parameters(index = "0", paramLabel = "CONNECTION_ID")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "SQL files, rewritten in place.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UserError(file + " is not a file");
            }
        }
        TributaryClient client = api.client();
        SchemaConfig config = client.schemas().get(id);
        SqlRenamer renamer = new SqlRenamer(new DestinationNames(config,
                (schema, table) -> client.schemas().columns(id, schema, table)));
        PrintWriter out = spec.commandLine().getOut();
        int changed = 0;
        for (Path file : files) {
            SqlRenamer.Result result = renamer.rewrite(read(file));
            if (result.changes().isEmpty()) {
                out.println(file + ": no source names");
                continue;
            }
            changed++;
            out.println(file + ": " + (dryRun ? "would rewrite " : "rewrote ") + result.changes().size()
                    + " name" + (result.changes().size() == 1 ? "" : "s"));
            result.changes().forEach(c -> out.println("  line " + c.line() + ": " + c.from() + " → " + c.to()));
            if (!dryRun) {
                write(file, result.text());
            }
        }
        out.println((dryRun ? "would change " : "changed ") + changed + " of " + files.size() + " file"
                + (files.size() == 1 ? "" : "s"));
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Replaces the file whole, so that a failure never leaves it half written. */
    private static void write(Path file, String text) {
        try {
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException notPosix) {
                // the temporary file keeps its default permissions
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }
}

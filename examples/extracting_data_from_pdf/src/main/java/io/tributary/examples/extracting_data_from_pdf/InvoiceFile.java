package io.tributary.examples.extracting_data_from_pdf;

import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.ConnectorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A PDF under the folder: its path, its name relative to the folder ({@code 2024/05/a.pdf}) and its modification
 * time. Files are read in (modified, name) order; the name breaks ties, so a checkpoint between two files modified
 * in the same instant skips neither.
 */
record InvoiceFile(Path path, String name, Instant modified) implements Comparable<InvoiceFile> {
    static final Comparator<InvoiceFile> ORDER = Comparator.comparing(InvoiceFile::modified)
            .thenComparing(InvoiceFile::name);

    /** The {@code .pdf} files of {@code folder} and its subfolders that come after the cursor, in reading order. */
    static List<InvoiceFile> after(Path folder, Instant cursorModified, String cursorName) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ConfigurationException(ExtractingDataFromPdfConnector.FOLDER, "the folder "
                    + folder.toAbsolutePath() + " does not exist; check '" + ExtractingDataFromPdfConnector.FOLDER
                    + "' in configuration.json (a relative path starts where tributary runs)");
        }
        InvoiceFile cursor = new InvoiceFile(null, cursorName, cursorModified);
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .filter(Files::isRegularFile)
                    .map(p -> of(folder, p))
                    .filter(f -> f.compareTo(cursor) > 0)
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new ConnectorException("a file under " + folder + " vanished while it was listed ("
                        + e.getCause().getMessage() + "); run the sync again", e);
            }
            throw e.getCause();
        }
    }

    private static InvoiceFile of(Path folder, Path p) {
        try {
            String name = folder.relativize(p).toString().replace('\\', '/');
            return new InvoiceFile(p, name, Files.getLastModifiedTime(p).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int compareTo(InvoiceFile other) {
        return ORDER.compare(this, other);
    }
}

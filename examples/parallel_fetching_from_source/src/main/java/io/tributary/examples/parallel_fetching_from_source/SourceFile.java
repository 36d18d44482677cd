package io.tributary.examples.parallel_fetching_from_source;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Operations;
import io.tributary.sdk.http.CsvRecords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One CSV file of the folder: its table (the name without {@code .csv}) and its version (size and modification time). */
record SourceFile(Path path, String name, String table, String version) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** The {@code .csv} files of a folder, by name. */
    static List<SourceFile> list(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                    .sorted()
                    .map(SourceFile::of)
                    .toList();
        } catch (NoSuchFileException e) {
            throw new ConnectorException("the folder " + folder.toAbsolutePath() + " does not exist; check 'folder' in "
                    + "the configuration (relative paths start where tributary runs)", e);
        }
    }

    private static SourceFile of(Path p) {
        String name = p.getFileName().toString();
        try {
            String version = Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            return new SourceFile(p, name, name.substring(0, name.length() - ".csv".length()), version);
        } catch (IOException e) {
            throw new ConnectorException("cannot read the size of " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the table with the file's rows, streamed one at a time; returns how many. Runs on a pool thread. The
     * truncate first soft-deletes the rows of an earlier version of the file (and of a read that failed halfway),
     * so rows gone from the file do not linger, and a table without a primary key gets no duplicates.
     */
    long stream(Operations operations) {
        operations.truncate(table);
        long rows = 0;
        try (InputStream in = Files.newInputStream(path); CsvRecords records = CsvRecords.of(in)) {
            for (Map<String, String> record : records) {
                operations.upsert(table, withJson(record));
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            throw ParallelFetchingConnector.failure(this, e);
        }
        return rows;
    }

    /** A value that is a JSON object (as the original assumes of {@code {...}}) becomes a map; the rest stays text. */
    private static Map<String, Object> withJson(Map<String, String> record) {
        Map<String, Object> row = new LinkedHashMap<>(record);
        record.forEach((column, value) -> {
            if (value != null && value.startsWith("{") && value.endsWith("}")) {
                try {
                    row.put(column, JSON.readValue(value, OBJECT));
                } catch (IOException notJson) {
                    // kept as text, as the original does
                }
            }
        });
        return row;
    }
}

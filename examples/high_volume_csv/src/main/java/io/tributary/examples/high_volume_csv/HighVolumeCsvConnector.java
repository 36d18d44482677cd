package io.tributary.examples.high_volume_csv;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a large CSV file into {@code csv_records}, one record at a time, with a checkpoint every
 * {@code chunk_size} records that saves the byte offset of the next one. A stopped sync resumes at that offset
 * instead of reading the file again; a sync of a file already read to its end reads nothing; a different file (or
 * the same one changed) is read from its start.
 */
public class HighVolumeCsvConnector implements Connector {
    static final String TABLE = "csv_records";
    static final List<String> COLUMNS = List.of("has_id", "name", "city", "created_at");

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("has_id")
                .column("has_id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("city", DataType.STRING)
                .column("created_at", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws IOException {
        Path file = Path.of(configuration.require("file_path"));
        int chunkSize = configuration.getInt("chunk_size", 100_000);
        if (chunkSize < 1) {
            throw new ConfigurationException("chunk_size", "configuration key 'chunk_size' must be at least 1, got " + chunkSize);
        }
        FileVersion version = FileVersion.of(file);
        Progress progress = Progress.from(state);
        if (!version.equals(progress.version())) {
            if (progress.version() != null) {
                Log.info(file + " is not the file the state describes (" + progress.version() + "); reading it from the start");
            }
            progress = new Progress(version, -1, 0);
        }
        if (progress.offset() == version.size()) {
            Log.info(file + " was read to its end by an earlier sync (" + progress.rows() + " records); nothing to do");
            return;
        }

        Header header = Header.read(file);
        long start = progress.offset() < 0 ? header.end() : progress.offset();
        long rows = progress.rows();
        Log.info("reading " + file + " from byte " + start + " (record " + (rows + 1) + "), " + chunkSize + " records per checkpoint");
        try (CsvReader reader = new CsvReader(file, start)) {
            int inChunk = 0;
            List<String> fields;
            while ((fields = readRecord(reader, file, rows + 1)) != null) {
                operations.upsert(TABLE, row(header.columns(), fields, file, rows + 1));
                rows++;
                if (++inChunk == chunkSize) {
                    new Progress(version, reader.offset(), rows).saveTo(state);
                    operations.checkpoint(state);
                    inChunk = 0;
                }
            }
            new Progress(version, version.size(), rows).saveTo(state);
            operations.checkpoint(state);
        }
        Log.info("read " + rows + " records from " + file);
    }

    private static List<String> readRecord(CsvReader reader, Path file, long record) throws IOException {
        try {
            return reader.next();
        } catch (IOException e) {
            throw new ConnectorException(file + ", record " + record + " (byte " + reader.offset() + "): "
                    + e.getMessage() + ". Fix the file; the next sync resumes at the last checkpoint", e);
        }
    }

    private static Map<String, Object> row(List<String> header, List<String> fields, Path file, long record) {
        if (fields.size() != header.size()) {
            throw new ConnectorException(file + ", record " + record + " has " + fields.size() + " fields, the header has "
                    + header.size() + ": " + fields);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), fields.get(i));
        }
        return row;
    }

    /** The header's column names, and the offset of the first record after it. */
    record Header(List<String> columns, long end) {
        static Header read(Path file) throws IOException {
            try (CsvReader reader = new CsvReader(file, 0)) {
                List<String> columns = reader.next();
                if (columns == null || !columns.containsAll(COLUMNS)) {
                    throw new ConnectorException(file + " must start with a header naming " + COLUMNS + ", got " + columns);
                }
                return new Header(columns, reader.offset());
            }
        }
    }

    /** Which file, as a size and modification time: a changed file must not be resumed at an old offset. */
    record FileVersion(String path, long size, long modifiedMillis) {
        static FileVersion of(Path file) throws IOException {
            try {
                return new FileVersion(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (NoSuchFileException e) {
                throw new ConnectorException("the CSV file " + file.toAbsolutePath() + " does not exist; check "
                        + "'file_path' in the configuration (relative paths start where tributary runs)", e);
            }
        }
    }

    /** What the state says: the file, the offset of the next record (-1: the first), and the records read so far. */
    record Progress(FileVersion version, long offset, long rows) {
        static Progress from(State state) {
            if (!state.has("file")) {
                return new Progress(null, -1, 0);
            }
            return new Progress(new FileVersion(state.getString("file"), state.getLong("size", -1),
                    state.getLong("modified", -1)), state.getLong("offset", -1), state.getLong("rows", 0));
        }

        void saveTo(State state) {
            state.put("file", version.path()).put("size", version.size()).put("modified", version.modifiedMillis())
                    .put("offset", offset).put("rows", rows);
        }
    }
}

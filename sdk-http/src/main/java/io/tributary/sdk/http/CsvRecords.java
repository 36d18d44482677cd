package io.tributary.sdk.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tributary.sdk.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * CSV rows as maps keyed by the header line, streamed with jackson-dataformat-csv (RFC 4180: quoted fields,
 * embedded separators, quotes and line breaks). A leading byte-order mark is dropped, empty lines skipped,
 * missing trailing fields are {@code null}; a row with more fields than the header fails, naming its line.
 * Memory holds one row. Single use, one thread; closing it closes the input.
 *
 * <pre>{@code
 * try (CsvRecords rows = api.get("export/users.csv").send().csvRecords()) {
 *     for (Map<String, String> row : rows) operations.upsert("user", row);
 * }
 * }</pre>
 */
public final class CsvRecords implements Iterable<Map<String, String>>, AutoCloseable {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.INSERT_NULLS_FOR_MISSING_COLUMNS)
            .build();
    private static final TypeReference<Map<String, String>> ROW = new TypeReference<>() {
    };
    private final MappingIterator<Map<String, String>> rows;
    private boolean started;

    private CsvRecords(Reader reader, char separator) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        try {
            rows = MAPPER.readerFor(ROW).with(schema).readValues(withoutBom(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start reading CSV", e);
        }
    }

    /** UTF-8, comma-separated. */
    public static CsvRecords of(InputStream in) {
        return of(in, StandardCharsets.UTF_8);
    }

    public static CsvRecords of(InputStream in, Charset charset) {
        return new CsvRecords(new InputStreamReader(in, charset), ',');
    }

    /** Any separator: {@code ';'} for European exports, {@code '\t'} for TSV. */
    public static CsvRecords of(Reader reader, char separator) {
        return new CsvRecords(reader, separator);
    }

    /** The column names from the header line; reads it if no row has been read yet. */
    public List<String> header() {
        hasNext();
        CsvSchema schema = (CsvSchema) rows.getParser().getSchema();
        List<String> names = new ArrayList<>();
        for (CsvSchema.Column c : schema) {
            names.add(c.getName());
        }
        return names;
    }

    @Override
    public Iterator<Map<String, String>> iterator() {
        if (started) {
            throw new IllegalStateException("CsvRecords streams its input once; read it with a single loop");
        }
        started = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return CsvRecords.this.hasNext();
            }

            @Override
            public Map<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    return rows.nextValue();
                } catch (IOException e) {
                    throw failure(e);
                }
            }
        };
    }

    private boolean hasNext() {
        try {
            return rows.hasNextValue();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private ConnectorException failure(IOException e) {
        int line = rows.getParser().currentLocation().getLineNr();
        return new ConnectorException("invalid CSV at line " + line + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException ignored) {
            // only releases the input
        }
    }
}

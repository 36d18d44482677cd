package io.tributary.examples.high_volume_csv;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF) from any byte offset of
 * a UTF-8 file, one record at a time, and knows the byte offset where the next record starts. Memory stays at one
 * 64 KiB buffer and one record, whatever the file's size. Works on bytes: every CSV delimiter is ASCII, so no
 * multi-byte character can be split by one, and each field is decoded whole.
 */
final class CsvReader implements Closeable {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();
    /** Byte offset in the file of the buffer's next unread byte. */
    private long position;

    CsvReader(Path file, long offset) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        position = offset;
        buffer.flip();
    }

    /** Where the next record starts: save it, and a new reader at this offset continues with that record. */
    long offset() {
        return position;
    }

    /** The next record's fields, or null at the end of the file. Blank lines are skipped. */
    List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        field.reset();
        boolean quoted = false;
        boolean any = false;
        int b;
        while ((b = read()) >= 0) {
            if (quoted) {
                if (b == '"') {
                    if (peek() == '"') {
                        read();
                        field.write('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.write(b);
                }
            } else if (b == '"') {
                quoted = true;
                any = true;
            } else if (b == ',') {
                fields.add(take());
                any = true;
            } else if (b == '\n' || b == '\r') {
                if (b == '\r' && peek() == '\n') {
                    read();
                }
                if (any || field.size() > 0) {
                    fields.add(take());
                    return fields;
                }
            } else {
                field.write(b);
                any = true;
            }
        }
        if (quoted) {
            throw new IOException("the file ends inside a quoted field (a quote opened and never closed)");
        }
        if (any || field.size() > 0) {
            fields.add(take());
            return fields;
        }
        return null;
    }

    private String take() {
        String s = field.toString(StandardCharsets.UTF_8);
        field.reset();
        return s;
    }

    private int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        position++;
        return buffer.get() & 0xff;
    }

    private int peek() throws IOException {
        return fill() ? buffer.get(buffer.position()) & 0xff : -1;
    }

    private boolean fill() throws IOException {
        if (buffer.hasRemaining()) {
            return true;
        }
        buffer.clear();
        int n = channel.read(buffer);
        buffer.flip();
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

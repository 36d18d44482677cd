package io.tributary.destination.postgres;

import io.tributary.runtime.destination.Batch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams a batch into a staging table through {@code COPY … FROM STDIN} in text format: rows are encoded into a
 * small buffer that is sent whenever it fills, so memory stays bounded whatever the batch's size. Temporal values are
 * truncated to microseconds, as in DuckDB.
 */
final class CopyWriter {
    private static final int FLUSH_CHARS = 1 << 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A value that PostgreSQL cannot store; the destination names the table and column. */
    static final class UnstorableValue extends RuntimeException {
        final int column;

        UnstorableValue(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private CopyWriter() {
    }

    /** Sends every row of {@code batch} as {@code _seq, _op, _present, columns…} to {@code copySql}. */
    static void write(CopyManager copy, String copySql, Batch batch) throws SQLException {
        CopyIn in = copy.copyIn(copySql);
        try {
            int width = batch.table().columns().size();
            StringBuilder sb = new StringBuilder(FLUSH_CHARS + 4096);
            for (int r = 0; r < batch.size(); r++) {
                sb.append(batch.sequence(r)).append('\t').append(batch.op(r).ordinal()).append('\t');
                if (batch.op(r) == Batch.Op.UPDATE) {
                    for (int c = 0; c < width; c++) {
                        sb.append(batch.value(c, r) == Batch.UNSET ? '0' : '1');
                    }
                } else {
                    sb.append("\\N");
                }
                for (int c = 0; c < width; c++) {
                    sb.append('\t');
                    value(sb, batch.value(c, r), c);
                }
                sb.append('\n');
                if (sb.length() >= FLUSH_CHARS) {
                    send(in, sb);
                }
            }
            send(in, sb);
            in.endCopy();
        } catch (SQLException | RuntimeException e) {
            cancel(in, e);
            throw e;
        }
    }

    /** Ends a COPY that failed half-way, so the connection can roll back. */
    private static void cancel(CopyIn in, Exception failure) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void send(CopyIn in, StringBuilder sb) throws SQLException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        sb.setLength(0);
    }

    static void value(StringBuilder sb, Object v, int column) {
        if (v == null || v == Batch.UNSET) {
            sb.append("\\N");
        } else if (v instanceof String s) {
            text(sb, s, column);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            sb.append(b ? 't' : 'f');
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Double d) {
            sb.append(d.doubleValue()); // Java's shortest repr, NaN and Infinity all parse back exactly
        } else if (v instanceof Float f) {
            sb.append(f.floatValue());
        } else if (v instanceof Instant i) {
            dateTime(sb, LocalDateTime.ofInstant(i, ZoneOffset.UTC), "+00");
        } else if (v instanceof LocalDateTime t) {
            dateTime(sb, t, "");
        } else if (v instanceof LocalDate d) {
            date(sb, d);
            era(sb, d);
        } else if (v instanceof LocalTime t) {
            time(sb, t);
        } else if (v instanceof byte[] b) {
            sb.append("\\\\x"); // bytea hex input, its backslash escaped for COPY
            for (byte x : b) {
                sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
            }
        } else {
            throw new UnstorableValue(column, "no COPY encoding for " + v.getClass().getName());
        }
    }

    /** COPY text escapes; PostgreSQL text cannot hold U+0000 at all. */
    private static void text(StringBuilder sb, String s, int column) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\0' -> throw new UnstorableValue(column, "the text holds the character U+0000, which PostgreSQL "
                        + "cannot store; remove it in the connector");
                default -> sb.append(ch);
            }
        }
    }

    private static void dateTime(StringBuilder sb, LocalDateTime t, String offset) {
        date(sb, t.toLocalDate());
        sb.append(' ');
        time(sb, t.toLocalTime());
        sb.append(offset);
        era(sb, t.toLocalDate());
    }

    /** ISO years 0 and below are 1 BC and earlier; PostgreSQL takes them as positive years with a BC suffix. */
    private static void date(StringBuilder sb, LocalDate d) {
        int year = d.getYear() > 0 ? d.getYear() : 1 - d.getYear();
        pad(sb, year, 4);
        sb.append('-');
        pad(sb, d.getMonthValue(), 2);
        sb.append('-');
        pad(sb, d.getDayOfMonth(), 2);
    }

    private static void era(StringBuilder sb, LocalDate d) {
        if (d.getYear() <= 0) {
            sb.append(" BC");
        }
    }

    private static void time(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
        int micros = t.getNano() / 1_000;
        if (micros != 0) {
            sb.append('.');
            pad(sb, micros, 6);
        }
    }

    private static void pad(StringBuilder sb, int value, int digits) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}

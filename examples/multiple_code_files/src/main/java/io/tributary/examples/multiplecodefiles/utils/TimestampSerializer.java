package io.tributary.examples.multiplecodefiles.utils;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Normalises the two timestamp formats the source sends, {@code yyyy/MM/dd HH:mm:ss} and
 * {@code yyyy-MM-dd HH:mm:ss}, to ISO 8601 text in UTC. The source sends UTC without saying so.
 */
public final class TimestampSerializer {
    /** The accepted formats, tried in order. STRICT rejects impossible dates such as February 30. */
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT));

    /** ISO 8601 with a numeric offset, as Python's {@code datetime.isoformat()} writes it. */
    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private TimestampSerializer() {
    }

    /** {@code "2024/09/24 14:30:45"} becomes {@code "2024-09-24T14:30:45+00:00"}. */
    public static String serialize(String timestamp) {
        return parse(timestamp).atOffset(ZoneOffset.UTC).format(ISO_UTC);
    }

    static LocalDateTime parse(String timestamp) {
        if (timestamp != null) {
            for (DateTimeFormatter format : FORMATS) {
                try {
                    return LocalDateTime.parse(timestamp, format);
                } catch (DateTimeParseException e) {
                    // not this format: try the next one
                }
            }
        }
        throw new IllegalArgumentException("Timestamp format not recognized: " + timestamp
                + " (expected yyyy/MM/dd HH:mm:ss or yyyy-MM-dd HH:mm:ss)");
    }
}

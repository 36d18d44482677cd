package io.tributary.examples.high_volume_csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes deterministic CSV test files: record i is always the same, with quotes, commas, UTF-8 and line breaks. */
final class SampleCsv {
    private static final List<String> NAMES = List.of("Ada Lovelace", "Zoë Ångström", "O'Brien, Pat",
            "Say \"hi\"", "Line one\nline two", "Grace Hopper", "李 小龍");
    private static final List<String> CITIES = List.of("Springfield, IL", "Portland", "Austin, TX", "Zürich");
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private SampleCsv() {
    }

    static Path write(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("has_id,name,city,created_at\r\n");
            for (int i = 1; i <= rows; i++) {
                List<String> r = row(i);
                w.write(quote(r.get(0)) + "," + quote(r.get(1)) + "," + quote(r.get(2)) + "," + r.get(3) + "\r\n");
            }
        }
        return file;
    }

    /** Record i as has_id, name, city, created_at (ISO-8601). */
    static List<String> row(int i) {
        return List.of(String.format("h%07d", i), NAMES.get(i % NAMES.size()) + " " + i, CITIES.get(i % CITIES.size()),
                START.plusSeconds(i).toString());
    }

    private static String quote(String value) {
        boolean needs = value.contains(",") || value.contains("\"") || value.contains("\n");
        return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

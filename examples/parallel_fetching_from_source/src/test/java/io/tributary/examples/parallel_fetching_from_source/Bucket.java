package io.tributary.examples.parallel_fetching_from_source;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A folder of generated CSV files standing in for a bucket; it remembers what it wrote, as the expected tables. */
final class Bucket {
    final Path folder;
    /** File name to header and rows, as written. */
    final Map<String, List<List<String>>> files = new TreeMap<>();

    Bucket(Path folder) {
        this.folder = folder;
    }

    /** The sample tables at sizes that keep the threads busy unevenly; names sort as listed. */
    Bucket withDefaultFiles() throws IOException {
        write("campaigns.csv", 60, i -> List.of("K" + i, "Campaign " + i,
                "{\"age\": [" + (18 + i % 20) + ", " + (30 + i % 20) + "], \"regions\": [\"US\"]}"),
                "campaign_id", "name", "target_demographics");
        write("customers.csv", 20_000, i -> List.of("C" + i, "Customer, " + i, "c" + i + "@example.com"),
                "customer_id", "name", "email");
        write("events.csv", 3_000, i -> List.of("event " + i, i % 2 == 0 ? "open" : "closed"),
                "subject", "status");
        write("orders.csv", 8_000, i -> List.of("O" + i, "C" + (i % 20_000), (10 + i % 90) + "." + String.format("%02d", i % 100),
                "2024-0" + (1 + i % 9) + "-1" + (i % 10) + "T0" + (i % 10) + ":00:00Z"),
                "order_id", "customer_id", "amount", "ordered_at");
        write("products.csv", 10, i -> List.of("P" + i, "Say \"" + i + "\"", i + ".50"), "product_id", "name", "price");
        return this;
    }

    interface RowMaker {
        List<String> row(int i);
    }

    void write(String name, int rows, RowMaker maker, String... header) throws IOException {
        List<List<String>> content = new ArrayList<>();
        content.add(List.of(header));
        for (int i = 1; i <= rows; i++) {
            content.add(maker.row(i));
        }
        writeRaw(name, content);
    }

    void writeRaw(String name, List<List<String>> content) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8)) {
            for (List<String> line : content) {
                List<String> quoted = line.stream().map(Bucket::quote).toList();
                w.write(String.join(",", quoted));
                w.write("\n");
            }
        }
        files.put(name, content);
        // Later writes in a test must look changed even within the file system's timestamp resolution.
        Files.setLastModifiedTime(folder.resolve(name), java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() + files.size() * 1000L + content.size()));
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}

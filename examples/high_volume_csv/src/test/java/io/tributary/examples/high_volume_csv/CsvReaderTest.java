package io.tributary.examples.high_volume_csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsQuotesLineBreaksAndUtf8() throws IOException {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nZoë,,\"\"\r\nlast,1,2", StandardCharsets.UTF_8);
        assertThat(readAll(file, 0)).containsExactly(
                List.of("a", "b", "c"),
                List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("Zoë", "", ""),
                List.of("last", "1", "2"));
    }

    @Test
    void aReaderOpenedAtAnySavedOffsetReadsExactlyTheRest() throws IOException {
        Path file = SampleCsv.write(dir.resolve("s.csv"), 300);
        List<List<String>> all = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        try (CsvReader reader = new CsvReader(file, 0)) {
            List<String> r;
            while ((r = reader.next()) != null) {
                all.add(r);
                offsets.add(reader.offset());
            }
        }
        assertThat(all).hasSize(301);
        assertThat(all.get(5)).isEqualTo(SampleCsv.row(5));
        assertThat(offsets.get(offsets.size() - 1)).isEqualTo(Files.size(file));
        for (int k = 0; k < offsets.size(); k += 7) {
            assertThat(readAll(file, offsets.get(k))).isEqualTo(all.subList(k + 1, all.size()));
        }
    }

    @Test
    void aQuoteNeverClosedIsAnError() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b\n1,\"open\n2,3\n");
        try (CsvReader reader = new CsvReader(file, 0)) {
            reader.next();
            assertThatThrownBy(reader::next).hasMessageContaining("ends inside a quoted field");
        }
    }

    private static List<List<String>> readAll(Path file, long offset) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader reader = new CsvReader(file, offset)) {
            List<String> r;
            while ((r = reader.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }
}

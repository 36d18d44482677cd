package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.ConnectorException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    private static List<Map<String, String>> all(CsvRecords records) {
        List<Map<String, String>> out = new ArrayList<>();
        try (records) {
            records.forEach(out::add);
        }
        return out;
    }

    private static CsvRecords of(String csv) {
        return CsvRecords.of(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void quotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        String csv = "\uFEFFid,name,note\r\n"
                + "1,\"Lovelace, Ada\",\"said \"\"hi\"\"\"\r\n"
                + "\r\n"
                + "2,Bob,\"two\nlines\"\r\n"
                + "3,Cy\r\n";
        CsvRecords records = of(csv);
        assertThat(records.header()).containsExactly("id", "name", "note");
        List<Map<String, String>> rows = all(records);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("id", "1").containsEntry("name", "Lovelace, Ada").containsEntry("note", "said \"hi\"");
        assertThat(rows.get(1)).containsEntry("note", "two\nlines");
        assertThat(rows.get(2)).containsEntry("name", "Cy").containsEntry("note", null);
        assertThat(rows.get(0).keySet()).containsExactly("id", "name", "note");
    }

    @Test
    void aRowWithTooManyFieldsNamesItsLine() {
        assertThatThrownBy(() -> all(of("a,b\n1,2\n3,4,5\n"))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("invalid CSV at line 3");
    }

    @Test
    void otherSeparators() {
        assertThat(all(CsvRecords.of(new StringReader("a;b\n1;\"x;y\"\n"), ';'))).containsExactly(Map.of("a", "1", "b", "x;y"));
        assertThat(all(CsvRecords.of(new StringReader("a\tb\n1\t2\n"), '\t'))).containsExactly(Map.of("a", "1", "b", "2"));
    }

    @Test
    void streamsWithoutReadingTheWholeExport() {
        Generated endless = new Generated("id,value\n", i -> i + ",\"v " + i + "\"\n");
        try (CsvRecords records = CsvRecords.of(endless)) {
            Iterator<Map<String, String>> it = records.iterator();
            for (int i = 0; i < 5000; i++) {
                assertThat(it.next()).containsEntry("id", String.valueOf(i)).containsEntry("value", "v " + i);
            }
        }
        assertThat(endless.elementsProduced()).isLessThan(10_000);
    }

    @Test
    void aGzippedExportFromAnHttpResponse() throws Exception {
        StringBuilder csv = new StringBuilder("id,email\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append(i).append(",user").append(i).append("@example.com\n");
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (TestServer server = new TestServer()) {
            server.on("/export.csv", (call, reply) -> {
                boolean gzip = "gzip".equals(call.header("Accept-Encoding"));
                if (gzip) {
                    reply.header("Content-Encoding", "gzip");
                }
                reply.send(200, "text/csv", gzip ? zipped.toByteArray() : csv.toString().getBytes(StandardCharsets.UTF_8));
            });
            HttpApi api = HttpApi.builder().baseUrl(server.url("/")).build();
            try (CsvRecords rows = api.get("export.csv").send().csvRecords()) {
                List<Map<String, String>> all = all(rows);
                assertThat(all).hasSize(1000);
                assertThat(all.get(999)).containsEntry("id", "1000").containsEntry("email", "user1000@example.com");
            }
            assertThat(server.calls("/export.csv").get(0).header("Accept-Encoding")).isEqualTo("gzip");
        }
    }
}

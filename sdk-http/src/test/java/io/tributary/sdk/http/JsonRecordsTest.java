package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.ConnectorException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRecordsTest {
    private static JsonRecords of(String json, String path) {
        return JsonRecords.of(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), path);
    }

    private static List<Map<String, Object>> all(JsonRecords records) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (records) {
            records.forEach(out::add);
        }
        return out;
    }

    @Test
    void readsTheArrayAtAPathSkippingEverythingAroundIt() {
        String json = "{\"meta\":{\"data\":[{\"wrong\":1}],\"pages\":[1,2]},\"result\":{\"count\":2,"
                + "\"data\":[{\"id\":1,\"price\":0.1,\"tags\":[\"a\"],\"owner\":{\"name\":\"ada\"}},{\"id\":2,\"price\":null}]},"
                + "\"data\":[{\"id\":99}]}";
        List<Map<String, Object>> rows = all(of(json, "$.result.data"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("id", 1).containsEntry("price", new BigDecimal("0.1"))
                .containsEntry("tags", List.of("a")).containsEntry("owner", Map.of("name", "ada"));
        assertThat(rows.get(1)).containsEntry("price", null);
        assertThat(all(of(json, "/data"))).containsExactly(Map.of("id", 99));
    }

    @Test
    void aTopLevelArray() {
        assertThat(all(of("[{\"a\":1},{\"a\":2}]", ""))).hasSize(2);
        assertThat(all(of("[{\"a\":1}]", "$"))).containsExactly(Map.of("a", 1));
        assertThat(all(of("[]", "$"))).isEmpty();
    }

    @Test
    void aMissingOrNullArrayHasNoRecords() {
        assertThat(all(of("{\"meta\":{}}", "$.data"))).isEmpty();
        assertThat(all(of("{\"data\":null}", "$.data"))).isEmpty();
        assertThat(all(of("{\"result\":null}", "$.result.data"))).isEmpty();
    }

    @Test
    void somethingOtherThanAnArrayOfObjectsIsAnError() {
        assertThatThrownBy(() -> all(of("{\"data\":[{\"a\":1},7]}", "$.data"))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("element 1 of $.data is a number, not an object");
        assertThatThrownBy(() -> all(of("{\"data\":{\"a\":1}}", "/data"))).hasMessageContaining("/data is an object, not an array");
        assertThatThrownBy(() -> all(of("{\"data\":[{\"a\":1},{\"a\":", "$.data"))).hasMessageContaining("invalid JSON after 1 records");
    }

    @Test
    void streamsWithoutReadingTheWholeDocument() {
        Generated endless = new Generated("{\"meta\":{\"n\":1},\"data\":[", i -> (i == 0 ? "" : ",") + "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"}");
        try (JsonRecords records = JsonRecords.of(endless, "$.data")) {
            Iterator<Map<String, Object>> it = records.iterator();
            for (int i = 0; i < 5000; i++) {
                assertThat(it.next()).containsEntry("i", i);
            }
        }
        // the parser reads ahead one buffer, no more
        assertThat(endless.elementsProduced()).isLessThan(5200);
    }

    @Test
    void isSingleUse() {
        JsonRecords records = of("[]", "");
        records.iterator();
        assertThatThrownBy(records::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fromAnHttpResponse() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("/export", (call, reply) -> reply.json(200, "{\"data\":[{\"id\":1},{\"id\":2},{\"id\":3}],\"next\":null}"));
            HttpApi api = HttpApi.builder().baseUrl(server.url("/")).build();
            try (JsonRecords rows = api.get("export").send().jsonRecords("$.data")) {
                assertThat(rows).extracting(r -> r.get("id")).containsExactly(1, 2, 3);
            }
        }
    }
}

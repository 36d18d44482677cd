package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Page-number and offset pagination, and the options every style shares. */
class PaginatorTest {
    static final int USERS = 10;
    private final TestServer server = new TestServer();
    private final HttpApi api;

    PaginatorTest() throws IOException {
        api = HttpApi.builder().baseUrl(server.url("/")).policy(new FakeTime().policy().build()).build();
        server.on("/pages", (call, reply) -> {
            int page = Integer.parseInt(call.query().get("page"));
            int size = Integer.parseInt(call.query().getOrDefault("per_page", "4"));
            boolean withTotal = call.query().containsKey("total");
            reply.json(200, "{\"data\":" + users((page - 1) * size, size) + (withTotal ? ",\"total_pages\":3" : "") + "}");
        });
        server.on("/offsets", (call, reply) -> {
            int offset = Integer.parseInt(call.query().get("offset"));
            int limit = Math.min(Integer.parseInt(call.query().get("limit")), Integer.parseInt(call.query().getOrDefault("cap", "100")));
            reply.json(200, "{\"items\":" + users(offset, limit) + ",\"total\":" + USERS + "}");
        });
    }

    @AfterEach
    void close() {
        server.close();
    }

    /** Users with ids from+1.. as a JSON array, cut at {@link #USERS}. */
    static String users(int from, int count) {
        return IntStream.range(from, Math.min(from + count, USERS))
                .mapToObj(i -> "{\"id\":" + (i + 1) + ",\"updatedAt\":\"2026-01-" + String.format("%02d", i + 1) + "\",\"score\":" + (i + 1) + ".5}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static List<Object> ids(Iterable<Page> pages) {
        List<Object> ids = new ArrayList<>();
        for (Page p : pages) {
            p.records().forEach(r -> ids.add(r.get("id")));
        }
        return ids;
    }

    @Test
    void pageNumbersStopAtTheTotalPageCountAndExposeEachPosition() {
        Paginator pages = Paginator.pageNumber(api.get("pages").query("total", 1)).pageSize("per_page", 4)
                .records("/data").totalPagesAt("/total_pages").build();
        List<String> positions = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        for (Page page : pages) {
            page.records().forEach(r -> ids.add(r.get("id")));
            positions.add(page.nextPosition());
        }
        assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(positions).containsExactly("2", "3", null);
        assertThat(server.calls("/pages")).extracting(c -> c.query().get("page")).containsExactly("1", "2", "3");
    }

    @Test
    void pageNumbersWithoutATotalStopAtTheEmptyLastPage() {
        List<Page> pages = new ArrayList<>();
        Paginator.pageNumber(api.get("pages")).records("$.data").build().forEach(pages::add);
        assertThat(pages).hasSize(4);
        assertThat(pages.get(3).isEmpty()).isTrue();
        assertThat(pages.get(3).isLast()).isTrue();
        assertThat(pages.get(2).nextPosition()).isEqualTo("4");
        assertThat(ids(pages)).hasSize(USERS);
    }

    @Test
    void pageNumbersResumeFromASavedPosition() {
        Paginator pages = Paginator.pageNumber(api.get("pages")).records("/data").startAt("2").build();
        assertThat(ids(pages)).containsExactly(5, 6, 7, 8, 9, 10);
        assertThat(server.calls("/pages")).extracting(c -> c.query().get("page")).containsExactly("2", "3", "4");
        // each iteration starts again at the configured position
        assertThat(ids(pages)).hasSize(6);
    }

    @Test
    void anApiThatIgnoresThePageParameterIsCaughtInsteadOfLoopingForever() {
        server.on("/same", (call, reply) -> reply.json(200, "{\"data\":" + users(0, 3) + "}"));
        Paginator pages = Paginator.pageNumber(api.get("same")).param("p").records("/data").build();
        assertThatThrownBy(() -> ids(pages)).isInstanceOf(PaginationException.class)
                .hasMessageContaining("page 2").hasMessageContaining("same records as the page before");
        assertThat(server.count("/same")).isEqualTo(2);
    }

    @Test
    void offsetsStopAtTheTotalAndResume() {
        List<String> positions = new ArrayList<>();
        Paginator pages = Paginator.offset(api.get("offsets"), 4).records("/items").totalAt("/total").build();
        for (Page p : pages) {
            positions.add(p.nextPosition());
        }
        assertThat(positions).containsExactly("4", "8", null);
        assertThat(server.calls("/offsets")).extracting(c -> c.query().get("offset")).containsExactly("0", "4", "8");

        Paginator resumed = Paginator.offset(api.get("offsets"), 4).records("/items").totalAt("/total").startOffset(8).build();
        assertThat(ids(resumed)).containsExactly(9, 10);
    }

    @Test
    void offsetsAdvanceByTheRecordsReceivedWhenTheServerCapsTheLimit() {
        Paginator pages = Paginator.offset(api.get("offsets").query("cap", 3), 4).params("offset", "limit")
                .records("/items").build();
        assertThat(ids(pages)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(server.calls("/offsets")).extracting(c -> c.query().get("offset")).containsExactly("0", "3", "6", "9", "10");
    }

    @Test
    void hasMoreFalseAndMaxPagesStop() {
        server.on("/more", (call, reply) -> {
            int page = Integer.parseInt(call.query().get("page"));
            reply.json(200, "{\"data\":" + users((page - 1) * 2, 2) + ",\"has_more\":" + (page < 2) + "}");
        });
        assertThat(ids(Paginator.pageNumber(api.get("more")).records("/data").hasMoreAt("/has_more").build()))
                .containsExactly(1, 2, 3, 4);

        List<Page> two = new ArrayList<>();
        Paginator.pageNumber(api.get("pages")).records("/data").maxPages(2).build().forEach(two::add);
        assertThat(two).hasSize(2);
        assertThat(two.get(1).nextPosition()).isEqualTo("3"); // where the next run resumes
    }

    @Test
    void recordsAreMapsWithExactDecimals() {
        Page first = Paginator.pageNumber(api.get("pages")).records("/data").build().iterator().next();
        Map<String, Object> row = first.records().get(0);
        assertThat(row).containsEntry("id", 1).containsEntry("updatedAt", "2026-01-01");
        assertThat(row.get("score")).isEqualTo(new java.math.BigDecimal("1.5"));
        assertThat(first.body().get("data").size()).isEqualTo(4);
        assertThat(first.number()).isEqualTo(1);
    }

    @Test
    void recordsThatAreNotAnArraySayWhereTheyLooked() {
        Paginator pages = Paginator.pageNumber(api.get("pages")).build(); // body is an object; records at "$"
        assertThatThrownBy(() -> pages.iterator().next()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("object at '$'").hasMessageContaining("records(\"/data\")");
    }
}

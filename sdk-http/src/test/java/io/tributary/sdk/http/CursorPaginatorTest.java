package io.tributary.sdk.http;

import static io.tributary.sdk.http.PaginatorTest.USERS;
import static io.tributary.sdk.http.PaginatorTest.ids;
import static io.tributary.sdk.http.PaginatorTest.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Next-URL, cursor, keyset and scroll-token pagination: positions that come from the server. */
class CursorPaginatorTest {
    private final TestServer server = new TestServer();
    private final HttpApi api;

    CursorPaginatorTest() throws IOException {
        api = HttpApi.builder().baseUrl(server.url("/")).policy(new FakeTime().policy().build()).build();
    }

    @AfterEach
    void close() {
        server.close();
    }

    private static int param(TestServer.Call call, String name, int otherwise) {
        String v = call.query().get(name);
        return v == null ? otherwise : Integer.parseInt(v.replace("c", ""));
    }

    @Test
    void nextUrlFromTheBodyIsFollowedUntilItIsNull() {
        server.on("/users", (call, reply) -> {
            int from = param(call, "from", 0);
            String next = from + 4 < USERS ? "\"/users?from=" + (from + 4) + "\"" : "null";
            reply.json(200, "{\"data\":" + users(from, 4) + ",\"next_page_url\":" + next + "}");
        });
        List<String> positions = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        for (Page p : Paginator.nextUrl(api.get("users")).nextUrlAt("/next_page_url").records("/data").build()) {
            p.records().forEach(r -> ids.add(r.get("id")));
            positions.add(p.nextPosition());
        }
        assertThat(ids).hasSize(USERS);
        assertThat(positions).containsExactly(server.url("/users?from=4"), server.url("/users?from=8"), null);

        Paginator resumed = Paginator.nextUrl(api.get("users")).nextUrlAt("/next_page_url").records("/data")
                .startAt(server.url("/users?from=8")).build();
        assertThat(ids(resumed)).containsExactly(9, 10);
    }

    @Test
    void nextUrlFromTheLinkHeader() {
        server.on("/repos", (call, reply) -> {
            int page = param(call, "page", 1);
            String last = "<" + server.url("/repos?page=3") + ">; rel=\"last\"";
            if (page < 3) {
                reply.header("Link", "<" + server.url("/repos?page=" + (page + 1)) + ">; rel=\"next\", " + last);
            } else {
                reply.header("Link", "<" + server.url("/repos?page=1") + ">; rel=\"first\", " + last);
            }
            reply.json(200, users((page - 1) * 4, 4));
        });
        assertThat(ids(Paginator.nextUrl(api.get("repos")).build())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(server.count("/repos")).isEqualTo(3);
    }

    @Test
    void aNextUrlThatRepeatsStopsWithAClearError() {
        server.on("/loop", (call, reply) -> {
            int page = param(call, "page", 1);
            reply.json(200, "{\"data\":" + users(page, 1) + ",\"next\":\"/loop?page=" + (page == 1 ? 2 : 1) + "\"}");
        });
        assertThatThrownBy(() -> ids(Paginator.nextUrl(api.get("loop")).nextUrlAt("/next").records("/data").build()))
                .isInstanceOf(PaginationException.class).hasMessageContaining("next-page URL")
                .hasMessageContaining("already returned").hasMessageContaining("loop forever");
        assertThat(server.count("/loop")).isEqualTo(3);
    }

    @Test
    void cursorFromTheBodyAndResumeFromASavedCursor() {
        server.on("/events", (call, reply) -> {
            int from = param(call, "cursor", 0);
            String next = from + 3 < USERS ? "\"c" + (from + 3) + "\"" : "null";
            reply.json(200, "{\"data\":" + users(from, 3) + ",\"meta\":{\"next\":" + next + "}}");
        });
        List<String> positions = new ArrayList<>();
        for (Page p : Paginator.cursor(api.get("events"), "cursor").cursorAt("/meta/next").records("/data").build()) {
            positions.add(p.nextPosition());
        }
        assertThat(positions).containsExactly("c3", "c6", "c9", null);
        assertThat(server.calls("/events").get(0).query()).doesNotContainKey("cursor");

        Paginator resumed = Paginator.cursor(api.get("events"), "cursor").cursorAt("/meta/next").records("/data").startAt("c6").build();
        assertThat(ids(resumed)).containsExactly(7, 8, 9, 10);
    }

    @Test
    void aCursorThatRepeatsStopsWithAClearError() {
        server.on("/stuck", (call, reply) -> {
            int n = param(call, "cursor", 0);
            reply.json(200, "{\"data\":" + users(n, 1) + ",\"next_cursor\":\"c" + Math.min(n + 1, 2) + "\"}");
        });
        Paginator pages = Paginator.cursor(api.get("stuck?api_key=SECRET9"), "cursor").records("/data").build();

        assertThatThrownBy(() -> ids(pages)).isInstanceOf(PaginationException.class)
                .hasMessageContaining("cursor paginator: after page 3")
                .hasMessageContaining("a cursor it had already returned (c2)")
                .hasMessageContaining("loop forever")
                .hasMessageContaining("api_key=***").hasMessageNotContaining("SECRET9");
        assertThat(server.count("/stuck")).isEqualTo(3);
    }

    @Test
    void keysetTakesTheCursorFromTheLastRecord() {
        server.on("/keyset", (call, reply) -> {
            String after = call.query().get("updated_after");
            int from = after == null ? 0 : Integer.parseInt(after.substring(8));
            reply.json(200, "{\"data\":" + users(from, 4) + "}");
        });
        List<String> positions = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        for (Page p : Paginator.cursor(api.get("keyset"), "updated_after").cursorFromLastRecord("/updatedAt")
                .records("/data").build()) {
            p.records().forEach(r -> ids.add(r.get("id")));
            positions.add(p.nextPosition());
        }
        assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(positions).containsExactly("2026-01-04", "2026-01-08", "2026-01-10", null);
    }

    @Test
    void scrollTokenIsClearedAtTheEnd() {
        server.on("/scroll", (call, reply) -> {
            int from = param(call, "scroll_token", 0);
            String token = from + 5 < USERS ? "\"c" + (from + 5) + "\"" : "\"\"";
            reply.json(200, "{\"data\":" + users(from, 5) + ",\"scroll_token\":" + token + "}");
        });
        List<Page> pages = new ArrayList<>();
        Paginator.scrollToken(api.get("scroll"), "scroll_token").records("/data").build().forEach(pages::add);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).nextPosition()).isEqualTo("c5");
        assertThat(pages.get(1).isLast()).isTrue();
        assertThat(ids(pages)).hasSize(USERS);
    }

    @Test
    void aScrollTokenThatRepeatsStopsWithAClearError() {
        server.on("/scroll", (call, reply) -> {
            int from = param(call, "t", 0);
            reply.json(200, "{\"data\":" + users(from, 1) + ",\"scroll_token\":\"c1\"}");
        });
        assertThatThrownBy(() -> ids(Paginator.scrollToken(api.get("scroll"), "t").records("/data").build()))
                .isInstanceOf(PaginationException.class).hasMessageContaining("scroll token it had already returned (c1)");
    }
}

package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.model.Group;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {
    private static String page(String names, String nextCursor) {
        StringBuilder items = new StringBuilder();
        for (String n : names.split(",")) {
            items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"").append(n).append("\",\"name\":\"")
                    .append(n).append("\",\"created_at\":\"2024-01-01T00:00:00.000000Z\"}");
        }
        return "{\"code\":\"Success\",\"data\":{\"items\":[" + items + "]" + nextCursor + "}}";
    }

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
    }

    @Test
    void followsNextCursorAcrossThreePagesUntilItIsAbsent() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, switch (n) {
            case 1 -> page("a,b", ",\"next_cursor\":\"c1\"");
            case 2 -> page("c,d", ",\"next_cursor\":\"c2\"");
            default -> page("e", "");
        }))) {
            List<Group> groups = client(stub).groups().list().toList();
            assertThat(groups).extracting(Group::name).containsExactly("a", "b", "c", "d", "e");
            assertThat(stub.received).extracting(StubServer.Received::uri).containsExactly(
                    "/v1/groups?limit=1000", "/v1/groups?limit=1000&cursor=c1", "/v1/groups?limit=1000&cursor=c2");
        }
    }

    @Test
    void aNullNextCursorEndsTheListToo() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200,
                n == 1 ? page("a", ",\"next_cursor\":\"c1\"") : page("b", ",\"next_cursor\":null")))) {
            assertThat(client(stub).groups().list().map(Group::name).toList()).containsExactly("a", "b");
        }
    }

    @Test
    void isLazyAndRefusesARepeatedCursor() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, page("x" + n, ",\"next_cursor\":\"same\"")))) {
            assertThat(client(stub).groups().list().limit(1).toList()).hasSize(1);
            assertThat(stub.received).as("only the pages consumed are fetched").hasSize(1);
            assertThatThrownBy(() -> client(stub).groups().list().toList()).isInstanceOf(ApiError.class)
                    .hasMessageContaining("repeated cursor 'same'");
        }
    }
}

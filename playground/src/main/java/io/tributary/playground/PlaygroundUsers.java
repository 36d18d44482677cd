package io.tributary.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * For example tests: the users as the playground serves them today, and as a warehouse holds them, in comparable
 * form (id, name, email, address, company, job, updatedAt, createdAt).
 */
public final class PlaygroundUsers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PlaygroundUsers() {
    }

    /** Every user of the playground's current day, by id. */
    public static List<List<String>> expected(Playground playground) throws IOException, InterruptedException {
        // fault=none: the expectation is read past any faults the test injected.
        HttpRequest request = HttpRequest.newBuilder(
                playground.uri("/pagination/page_number?per_page=1000&fault=none")).build();
        JsonNode body = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        List<List<String>> users = new ArrayList<>();
        for (JsonNode u : body.get("data")) {
            users.add(List.of(u.get("id").asText(), u.get("name").asText(), u.get("email").asText(),
                    u.get("address").asText(), u.get("company").asText(), u.get("job").asText(),
                    u.get("updatedAt").asText(), u.get("createdAt").asText()));
        }
        users.sort(Comparator.comparing(u -> u.get(0)));
        return users;
    }

    /** The greatest updatedAt of {@code users}. */
    public static String latestUpdate(List<List<String>> users) {
        return users.stream().map(u -> u.get(6)).max(Comparator.comparing(OffsetDateTime::parse)).orElseThrow();
    }

    /**
     * The warehouse's {@code tester."user"} rows in the same form, read with {@code query} (a tester's SQL query);
     * every one must be live (not soft-deleted).
     */
    public static List<List<String>> warehouse(Function<String, List<Map<String, Object>>> query) {
        List<List<String>> users = new ArrayList<>();
        for (Map<String, Object> r : query.apply("SELECT * FROM tester.\"user\" ORDER BY id")) {
            if (!Boolean.FALSE.equals(r.get("_fivetran_deleted"))) {
                throw new AssertionError("a user row is soft-deleted or lacks _fivetran_deleted: " + r);
            }
            users.add(List.of((String) r.get("id"), (String) r.get("name"), (String) r.get("email"),
                    (String) r.get("address"), (String) r.get("company"), (String) r.get("job"),
                    instant(r.get("updated_at")), instant(r.get("created_at"))));
        }
        return users;
    }

    private static String instant(Object value) {
        return ((OffsetDateTime) value).toInstant().toString();
    }
}

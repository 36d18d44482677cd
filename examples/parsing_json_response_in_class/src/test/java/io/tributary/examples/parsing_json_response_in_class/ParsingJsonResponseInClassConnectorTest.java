package io.tributary.examples.parsing_json_response_in_class;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParsingJsonResponseInClassConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestPolicy FAST = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    /** One request per sync: every attempt fails until the playground's max of 2 in a row, then the clean answer. */
    private static final String FAULTS = "429:0.4:0,500:0.3,reset:0.1,truncate:0.2";

    private Playground playground;

    @BeforeEach
    void start() {
        playground = Playground.start(0);
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    @Test
    void everyPostOfTheApiLandsAsARowAndTheNextDayAddsFive() throws Exception {
        try (ConnectorTester tester = newTester()) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(100);
            List<List<Object>> expected = apiPosts();
            assertThat(expected).hasSize(100);
            assertThat(warehouse(tester)).isEqualTo(expected);
            assertThat(tester.state().isEmpty()).isTrue();

            playground.nextDay();
            tester.sync().assertSucceeded();
            assertThat(warehouse(tester)).hasSize(105).isEqualTo(apiPosts());
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester()) {
            tester.sync().assertSucceeded();
            clean = tester.snapshot();
        }
        playground.setFaults(FAULTS);
        try (ConnectorTester tester = newTester()) {
            tester.sync().assertSucceeded(); // the toolkit retries every injected fault
            assertThat(tester.snapshot()).isEqualTo(clean);
        }
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    }

    @Test
    void aWrongBaseUrlFailsWithTheStatusAndKeepsWhatWasSynced() {
        try (ConnectorTester tester = newTester()) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            tester.configuration(Map.of("base_url", playground.baseUrl() + "/no_such_api"));
            tester.sync().assertFailedWith("answered HTTP 404");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester()) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void mappingRefusesMissingNullAndMistypedFieldsButIgnoresNewOnes() throws Exception {
        assertThat(Post.from(JSON.readTree("{\"userId\":1,\"id\":7,\"title\":\"t\",\"body\":\"b\",\"tags\":[]}")))
                .isEqualTo(new Post(1, 7, "t", "b"));
        assertThatThrownBy(() -> Post.from(JSON.readTree("{\"userId\":1,\"title\":\"t\",\"body\":\"b\"}")))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("'id'");
        assertThatThrownBy(() -> Post.from(JSON.readTree("{\"userId\":1,\"id\":null,\"title\":\"t\",\"body\":\"b\"}")))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Post.from(JSON.readTree("{\"userId\":1,\"id\":\"x\",\"title\":\"t\",\"body\":\"b\"}")))
                .isInstanceOf(JsonProcessingException.class);
    }

    private ConnectorTester newTester() {
        return ConnectorTester.of(new ParsingJsonResponseInClassConnector(FAST))
                .configuration(Map.of("base_url", playground.baseUrl() + "/jsonplaceholder"));
    }

    /** The API's posts as (id, userId, title, body), read past any injected faults. */
    private List<List<Object>> apiPosts() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                playground.uri("/jsonplaceholder/posts?fault=none")).build(), HttpResponse.BodyHandlers.ofString());
        List<List<Object>> posts = new ArrayList<>();
        for (JsonNode p : JSON.readTree(response.body())) {
            posts.add(List.of(p.get("id").asInt(), p.get("userId").asInt(), p.get("title").asText(),
                    p.get("body").asText()));
        }
        return posts;
    }

    private static List<List<Object>> warehouse(ConnectorTester tester) {
        return tester.query("SELECT id, user_id, title, body FROM tester.posts WHERE NOT _fivetran_deleted ORDER BY id")
                .stream().map(r -> List.of(r.get("id"), r.get("user_id"), r.get("title"), r.get("body"))).toList();
    }
}

package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeWindowAndNestedUsersTest {
    private static Playground pg;
    private static Http http;

    @BeforeAll
    static void start() {
        pg = Playground.start(0);
        http = new Http(pg);
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @BeforeEach
    void reset() {
        pg.reset();
    }

    @Test
    void adjacentWindowsPartitionTheUsersByUpdatedAt() {
        List<String> ids = new ArrayList<>();
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        while (from.isBefore(pg.now())) {
            Instant to = from.plusSeconds(30L * 86_400);
            JsonNode body = http.json("/cursors/time_window?from=" + from + "&to=" + to + "&limit=1000");
            Instant previous = from;
            for (JsonNode u : body.get("data")) {
                Instant updated = Instant.parse(u.get("updatedAt").asText());
                assertThat(updated).isAfter(from).isBeforeOrEqualTo(to).isAfterOrEqualTo(previous);
                previous = updated;
                ids.add(u.get("id").asText());
            }
            assertThat(body.get("total").asInt()).isEqualTo(body.get("data").size());
            from = to;
        }
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void aWindowIsPagedWithOffsetAndLimit() {
        String window = "/cursors/time_window?from=2024-01-01T00:00:00Z&to=" + pg.now();
        JsonNode all = http.json(window + "&limit=1000");
        JsonNode second = http.json(window + "&offset=10&limit=10");
        assertThat(second.get("total").asInt()).isEqualTo(200);
        assertThat(second.get("data").get(0)).isEqualTo(all.get("data").get(10));
        assertThat(http.get("/cursors/time_window?from=2024-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(http.get("/cursors/time_window?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z").status())
                .isEqualTo(400);
    }

    @Test
    void nestedUsersCarryAnAddressOrdersAndVaryingMetadata() {
        JsonNode body = http.json("/nested/users?per_page=1000");
        JsonNode data = body.get("data");
        assertThat(data).hasSize(200);
        assertThat(body.get("has_more").asBoolean()).isFalse();
        Set<String> orderIds = new HashSet<>();
        Set<String> metadataShapes = new HashSet<>();
        for (JsonNode u : data) {
            assertThat(u.get("address").get("street").asText()).isNotBlank();
            assertThat(u.get("address").get("state").asText()).hasSize(2);
            assertThat(u.get("orders").size()).isBetween(1, 4);
            u.get("orders").forEach(o -> assertThat(orderIds.add(o.get("order_id").asText())).isTrue());
            List<String> keys = new ArrayList<>();
            u.get("metadata").fieldNames().forEachRemaining(keys::add);
            metadataShapes.add(String.join(",", keys));
        }
        assertThat(metadataShapes).as("metadata varies from user to user").hasSizeGreaterThan(2);
        assertThat(http.json("/nested/users?per_page=1000")).as("deterministic").isEqualTo(body);
    }

    @Test
    void nestedUsersPageAndFollowTheDays() {
        JsonNode first = http.json("/nested/users?per_page=150");
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(http.json("/nested/users?per_page=150&page=2").get("data")).hasSize(50);
        String last = first.get("data").get(149).get("updatedAt").asText();
        assertThat(http.json("/nested/users?per_page=1000&updated_since=" + last).get("data")).hasSize(50);

        String newest = http.json("/nested/users?per_page=1000").get("data").get(199).get("updatedAt").asText();
        pg.nextDay();
        JsonNode changed = http.json("/nested/users?per_page=1000&updated_since=" + newest).get("data");
        assertThat(changed).as("10 new and 15 updated users").hasSize(25);
    }
}

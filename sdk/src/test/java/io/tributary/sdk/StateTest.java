package io.tributary.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateTest {
    record Cursor(String updatedSince, long page) {
    }

    @Test
    void roundTripsAsSingleLineJson() {
        State s = State.empty().put("cursor", 5).put("since", "2024-01-01").put("done", true);
        s.getObject("per_table").put("users", 3);
        assertThat(s.toJson()).isEqualTo("{\"cursor\":5,\"since\":\"2024-01-01\",\"done\":true,\"per_table\":{\"users\":3}}");
        State back = State.parse(s.toJson());
        assertThat(back).isEqualTo(s);
        assertThat(back.getLong("cursor", 0)).isEqualTo(5);
        assertThat(back.getObject("per_table").getInt("users", 0)).isEqualTo(3);
        assertThat(back.getString("missing", "dflt")).isEqualTo("dflt");
    }

    @Test
    void checkpointsAcceptMapsRecordsAndDates() {
        assertThat(State.toJson(Map.of("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(State.toJson(new Cursor("2024-01-01", 2))).isEqualTo("{\"updatedSince\":\"2024-01-01\",\"page\":2}");
        assertThat(State.toJson(Map.of("at", Instant.parse("2024-01-01T00:00:00Z")))).isEqualTo("{\"at\":\"2024-01-01T00:00:00Z\"}");
        assertThat(State.parse("{\"updatedSince\":\"x\",\"page\":4}").as(Cursor.class)).isEqualTo(new Cursor("x", 4));
    }

    @Test
    void rejectsWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> State.parse("{\"a\": ")).hasMessageContaining("state is not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> State.parse("[1]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> State.toJson(List.of(1))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> State.toJson(Map.of("x", new Object()))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("cannot be serialised");
        assertThat(State.parse("").isEmpty()).isTrue();
    }
}

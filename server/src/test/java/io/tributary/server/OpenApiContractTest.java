package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself must reject what the OpenAPI definition does not allow. */
class OpenApiContractTest {
    private static Http.Answer answer(int status, String body) throws Exception {
        return new Http.Answer(status, HttpHeaders.of(Map.of(), (a, b) -> true), body, new ObjectMapper().readTree(body));
    }

    @Test
    void rejectsAGroupWithoutItsRequiredFields() throws Exception {
        Http.Answer missingCreatedAt = answer(200, "{\"code\":\"Success\",\"data\":{\"id\":\"g\",\"name\":\"n\"}}");
        assertThatThrownBy(() -> OpenApiContract.assertConforms("GET", "/v1/groups/g", missingCreatedAt))
                .hasMessageContaining("created_at");
        Http.Answer noData = answer(200, "{\"message\":\"x\"}");
        assertThatThrownBy(() -> OpenApiContract.assertConforms("GET", "/v1/groups/g", noData))
                .hasMessageContaining("code");
    }
}

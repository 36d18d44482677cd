package io.tributary.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeTmpTest {
    private static Http.Answer answer(int status, String body) throws Exception {
        return new Http.Answer(status, HttpHeaders.of(Map.of(), (a, b) -> true), body, new ObjectMapper().readTree(body));
    }

    static final String CONN = "{\"id\":\"c\",\"group_id\":\"g\",\"service\":\"connector_sdk\",\"service_version\":0,\"schema\":\"s\","
            + "\"connected_by\":\"k\",\"created_at\":\"2024-12-01T15:43:29.013729Z\",\"paused\":false,\"pause_after_trial\":false,"
            + "\"sync_frequency\":360,\"schedule_type\":\"auto\",\"data_delay_sensitivity\":\"NORMAL\",\"data_delay_threshold\":0,"
            + "\"networking_method\":\"Directly\",\"destination_schema_names\":\"FIVETRAN_NAMING\","
            + "\"status\":{\"setup_state\":\"connected\",\"sync_state\":\"scheduled\",\"update_state\":\"on_schedule\",\"is_historical_sync\":true,\"tasks\":[],\"warnings\":[]},"
            + "\"setup_tests\":[{\"title\":\"t\",\"status\":\"PASSED\",\"message\":\"\"}],"
            + "\"config\":{\"schema\":\"s\",\"package_id\":\"p\",\"python_version\":\"3.12\",\"secrets_list\":[{\"key\":\"a\",\"value\":\"******\"}],\"x\":\"1\"}}";

    void probe(String what, String method, String path, String body) throws Exception {
        try {
            OpenApiContract.assertConforms(method, path, answer(200, body));
            System.out.println("PROBE " + what + ": OK");
        } catch (AssertionError e) {
            System.out.println("PROBE " + what + ": " + e.getMessage());
        }
    }

    @Test
    void probe() throws Exception {
        probe("details", "GET", "/v1/connections/c", "{\"code\":\"Success\",\"data\":" + CONN + "}");
        probe("details-freq-bad", "GET", "/v1/connections/c", "{\"code\":\"Success\",\"data\":" + CONN.replace("360", "361") + "}");
        probe("details-null-failed", "GET", "/v1/connections/c", "{\"code\":\"Success\",\"data\":" + CONN.replace("\"paused\":false", "\"paused\":false,\"failed_at\":null") + "}");
        probe("list", "GET", "/v1/connections", "{\"code\":\"Success\",\"data\":{\"items\":[" + CONN + "]}}");
        probe("grouplist", "GET", "/v1/groups/g/connections", "{\"code\":\"Success\",\"data\":{\"items\":[" + CONN + "]}}");
        probe("state", "GET", "/v1/connections/c/state", "{\"code\":\"Success\",\"data\":{\"state\":{\"cursor\":1}}}");
        probe("sync", "POST", "/v1/connections/c/sync", "{\"code\":\"Success\",\"message\":\"m\"}");
    }
}

package io.tributary.examples.oauth2_with_token_refresh;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The original's two {@code process_record} functions, and when each record last changed. */
final class HubSpotRecords {
    private HubSpotRecords() {
    }

    /** A contact row, or {@code null} for a contact without a first name or an identity (the original skips those). */
    static Map<String, Object> contact(JsonNode raw) {
        JsonNode properties = raw.path("properties");
        JsonNode identities = raw.path("identity-profiles").path(0).path("identities");
        if (properties.path("firstname").isEmpty() || identities.isEmpty()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("vid", raw.path("vid").asLong());
        row.put("firstname", properties.path("firstname").path("value").asText(""));
        row.put("company", properties.path("company").path("value").asText(""));
        row.put("lastmodifieddate", properties.path("lastmodifieddate").path("value").asText(""));
        row.put("email", identities.path(0).path("value").asText(""));
        return row;
    }

    /** {@code lastmodifieddate} (epoch milliseconds, as text); {@code null} when absent. */
    static Instant contactModifiedAt(JsonNode raw) {
        String millis = raw.path("properties").path("lastmodifieddate").path("value").asText("");
        return millis.matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(millis)) : null;
    }

    static Map<String, Object> company(JsonNode raw) {
        JsonNode name = raw.path("properties").path("name");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("companyId", raw.path("companyId").asLong());
        row.put("name", name.path("value").asText(""));
        row.put("timestamp", name.path("timestamp").isIntegralNumber() ? name.path("timestamp").asLong() : null);
        return row;
    }

    /** When the company's name was last set (epoch milliseconds); {@code null} when absent. */
    static Instant companyModifiedAt(JsonNode raw) {
        JsonNode timestamp = raw.path("properties").path("name").path("timestamp");
        return timestamp.isIntegralNumber() ? Instant.ofEpochMilli(timestamp.asLong()) : null;
    }
}

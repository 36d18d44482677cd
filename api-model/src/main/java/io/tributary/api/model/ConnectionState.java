package io.tributary.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET|PATCH /v1/connections/{id}/state}: the connector's own state (its cursors), a JSON object kept
 * exactly as written.
 */
public record ConnectionState(JsonNode state) {
}

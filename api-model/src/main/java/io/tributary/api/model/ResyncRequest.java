package io.tributary.api.model;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v1/connections/{id}/resync}: {@code scope} maps schema names to the tables to re-sync;
 * absent or null re-syncs the whole connection.
 */
public record ResyncRequest(Map<String, List<String>> scope) {
}

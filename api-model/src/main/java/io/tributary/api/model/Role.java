package io.tributary.api.model;

import java.util.List;

/** An item of {@code GET /v1/roles}. */
public record Role(String name, String description, List<String> scope, boolean isCustom, boolean isDeprecated,
                   String replacementRoleName) {
}

package io.tributary.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A team: users who share account, group and connection roles. {@code role} is null when it has no account role. */
public record Team(String id, String name, String description, @JsonInclude(JsonInclude.Include.ALWAYS) String role) {
}

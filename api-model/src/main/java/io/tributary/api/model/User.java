package io.tributary.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user of the account. {@code role} (the account role) and {@code logged_in_at} are required by the definition
 * yet have no value for a user without an account role or who never logged in; they are then sent as null, as
 * Fivetran's own API does, rather than left out. Absent {@code phone} and {@code picture} are omitted.
 */
public record User(String id, String email, boolean verified, boolean invited, String picture, String phone,
                   @JsonInclude(JsonInclude.Include.ALWAYS) String role, boolean active, String givenName,
                   String familyName, @JsonInclude(JsonInclude.Include.ALWAYS) String loggedInAt, String createdAt) {
}

package io.tributary.api.model;

/** Body of {@code POST /v1/groups/{id}/users}: an existing user, by email, and their role in the group. */
public record GroupUserRequest(String email, String role) {
}

package io.tributary.api.model;

/** Body of {@code POST /v1/users} (invite) and {@code PATCH /v1/users/{id}} (which ignores {@code email}). */
public record UserRequest(String email, String givenName, String familyName, String phone, String picture,
                          String role) {
}

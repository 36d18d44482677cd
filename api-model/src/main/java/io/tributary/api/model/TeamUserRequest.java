package io.tributary.api.model;

/** Body of {@code POST /v1/teams/{id}/users} ({@code user_id}, {@code role}) and its PATCH ({@code role}). */
public record TeamUserRequest(String userId, String role) {
}

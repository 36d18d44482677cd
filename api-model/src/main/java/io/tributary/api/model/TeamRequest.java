package io.tributary.api.model;

/** Body of {@code POST /v1/teams} and {@code PATCH /v1/teams/{id}}. */
public record TeamRequest(String name, String description, String role) {
}

package io.tributary.api.model;

/** Body of {@code POST /v1/groups} and {@code PATCH /v1/groups/{id}}. */
public record GroupRequest(String name) {
}

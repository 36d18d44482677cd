package io.tributary.api.model;

/** A user's or team's role in a group or connection; {@code id} is the group's or connection's id. */
public record Membership(String id, String role, String createdAt) {
}

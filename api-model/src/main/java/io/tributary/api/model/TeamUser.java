package io.tributary.api.model;

/** A user's membership in a team, with the user's role in it ("Team Member", "Team Manager"). */
public record TeamUser(String userId, String role, String createdAt) {
}

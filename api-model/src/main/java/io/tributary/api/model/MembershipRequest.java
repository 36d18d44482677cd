package io.tributary.api.model;

/**
 * Body of the membership operations: {@code POST .../groups|connections} ({@code id} and {@code role}) and
 * {@code PATCH .../groups|connections/{id}} ({@code role}).
 */
public record MembershipRequest(String id, String role) {
}

package io.tributary.api.model;

/** Body of {@code POST /v1/connections/{id}/sync}: {@code force} stops a running sync and starts again. */
public record SyncRequest(Boolean force) {
}

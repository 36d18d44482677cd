package io.tributary.api.model;

/** A task (something the user must do, e.g. {@code reconnect}) or a warning on a connection's status. */
public record ConnectionAlert(String code, String message, String details) {
}

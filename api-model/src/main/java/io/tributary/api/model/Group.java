package io.tributary.api.model;

/** A group: a destination and the connections that load into it. Group and destination share the id. */
public record Group(String id, String name, String createdAt) {
}

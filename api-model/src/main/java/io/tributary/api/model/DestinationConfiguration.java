package io.tributary.api.model;

/** A connection's per-destination settings: the Snowflake virtual warehouse it loads with. */
public record DestinationConfiguration(String virtualWarehouse) {
}

package io.tributary.server.schemas;

/**
 * Why users cannot change an object's {@code enabled}: the API's {@code enabled_patch_settings} with
 * {@code allowed: false}. {@code reasonCode} is SYSTEM_TABLE / SYSTEM_COLUMN, DELETED or OTHER; {@code reason}
 * explains OTHER.
 */
public record Lock(String reasonCode, String reason) {
    public static final Lock DELETED = new Lock("DELETED", null);
    public static final Lock PRIMARY_KEY = new Lock("SYSTEM_COLUMN", null);

    /** A human explanation, for error messages. */
    public String explanation() {
        return switch (reasonCode) {
            case "DELETED" -> "it was deleted in the source";
            case "SYSTEM_COLUMN" -> "it is part of the table's primary key";
            case "SYSTEM_TABLE" -> "it is a system table";
            default -> reason == null ? "the source does not allow it" : reason;
        };
    }
}

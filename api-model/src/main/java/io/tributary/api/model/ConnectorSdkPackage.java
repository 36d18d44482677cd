package io.tributary.api.model;

import java.time.Instant;

/**
 * {@code /v1/connector-sdk/packages}: an uploaded connector package. {@code connectionId} is the one connection
 * that uses it, or null; {@code fileSha256Hash} is the hex SHA-256 of the zip as uploaded.
 */
public record ConnectorSdkPackage(String id, String connectionId, String createdBy, String lastUpdatedBy,
                                  Instant createdAt, Instant updatedAt, String fileSha256Hash) {
}

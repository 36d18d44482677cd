package io.tributary.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connector SDK packages in the metadata store, the zip included (streamed in and out, never held whole here).
 * A package's connection is the one whose {@code package_id} names it.
 */
public final class PackageStore {
    private static final String COLUMNS = "SELECT p.id, p.file_sha256_hash, p.file_size, p.connector_class, "
            + "p.created_by, p.created_at, p.last_updated_by, p.updated_at, c.id AS connection_id";
    private static final String FROM = " FROM connector_sdk_packages p LEFT JOIN connections c ON c.package_id = p.id";
    private final Database database;
    private final Jdbc jdbc;

    /**
     * A stored package without its content.
     *
     * @param sha256       the zip's SHA-256, lower-case hex
     * @param connectionId the connection that runs it, or null
     */
    public record Row(String id, String sha256, long size, String connectorClass, String createdBy,
                      Instant createdAt, String lastUpdatedBy, Instant updatedAt, String connectionId) {
    }

    /** What a delete did. */
    public enum Deleted { DELETED, IN_USE, MISSING }

    public PackageStore(Database database) {
        this.database = database;
        this.jdbc = new Jdbc(database);
    }

    public List<Row> list(int skip, int fetch) {
        return jdbc.query(COLUMNS + FROM + " ORDER BY p.created_at, p.id LIMIT ? OFFSET ?", PackageStore::map,
                fetch, skip);
    }

    /** The SHA-256 of every package's current version. */
    public Set<String> currentHashes() {
        return new HashSet<>(jdbc.query("SELECT file_sha256_hash FROM connector_sdk_packages",
                rs -> rs.getString(1)));
    }

    public Optional<Row> find(String id) {
        return jdbc.one(COLUMNS + FROM + " WHERE p.id = ?", PackageStore::map, id);
    }

    /** Stores a new package; {@code zip} is its content, {@code r.connectionId()} is ignored. */
    public void insert(Row r, Path zip) {
        write("INSERT INTO connector_sdk_packages (content, id, file_sha256_hash, file_size, connector_class, "
                + "created_by, created_at, last_updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", zip,
                r.id(), r.sha256(), r.size(), r.connectorClass(), r.createdBy(), time(r.createdAt()),
                r.lastUpdatedBy(), time(r.updatedAt()));
    }

    /** Replaces a package's content (a new version); false when there is no such package. */
    public boolean replace(String id, String sha256, long size, String connectorClass, String updatedBy,
                           Instant updatedAt, Path zip) {
        return write("UPDATE connector_sdk_packages SET content = ?, file_sha256_hash = ?, file_size = ?, "
                + "connector_class = ?, last_updated_by = ?, updated_at = ? WHERE id = ?", zip, sha256, size,
                connectorClass, updatedBy, time(updatedAt), id) > 0;
    }

    /** Deletes a package no connection uses. */
    public Deleted delete(String id) {
        try {
            if (jdbc.update("DELETE FROM connector_sdk_packages WHERE id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM connections WHERE package_id = ?)", id, id) > 0) {
                return Deleted.DELETED;
            }
        } catch (Jdbc.ReferenceException aConnectionTookItMeanwhile) {
            return Deleted.IN_USE;
        }
        return find(id).isPresent() ? Deleted.IN_USE : Deleted.MISSING;
    }

    /**
     * Writes the package's current content to {@code out} and answers the version written (read in the same
     * query, so a concurrent update cannot mismatch them); empty when there is no such package.
     */
    public Optional<Row> download(String id, OutputStream out) {
        String sql = COLUMNS + ", p.content" + FROM + " WHERE p.id = ?";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                try (InputStream in = rs.getBinaryStream("content")) {
                    in.transferTo(out);
                }
                return Optional.of(map(rs));
            }
        } catch (SQLException e) {
            throw new Jdbc.StoreException(sql, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy package " + id + " out of the store", e);
        }
    }

    /** Runs a statement whose first parameter is the zip's content, then {@code params}. */
    private int write(String sql, Path zip, Object... params) {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql);
             InputStream content = Files.newInputStream(zip)) {
            ps.setBinaryStream(1, content, Files.size(zip));
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 2, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.translate(sql, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the package " + zip + " into the store", e);
        }
    }

    private static LocalDateTime time(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("file_sha256_hash"), rs.getLong("file_size"),
                rs.getString("connector_class"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                rs.getString("last_updated_by"), Jdbc.instant(rs, "updated_at"), rs.getString("connection_id"));
    }
}

package io.tributary.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Approved TLS certificates and SSH fingerprints, each for one connection or one destination. */
public final class ApprovalStore {
    private final Jdbc jdbc;

    /** What is approved. */
    public enum Kind { CERTIFICATE, FINGERPRINT }

    /** Whose approval it is: a connection's or a destination's. */
    public record Owner(boolean destination, String id) {
        String column() {
            return destination ? "destination_id" : "connection_id";
        }
    }

    /**
     * One approval. For a fingerprint only {@code hash} and {@code publicKey} are set; a certificate also has its
     * encoding, subject {@code name} and digests.
     */
    public record Approval(Kind kind, Owner owner, String hash, String publicKey, String encodedCert, String name,
                           String sha1, String sha256, String validatedBy, Instant validatedAt) {
    }

    public ApprovalStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Approval> list(Kind kind, Owner owner, int skip, int fetch) {
        return jdbc.query("SELECT * FROM approvals WHERE kind = ? AND " + owner.column() + " = ? "
                + "ORDER BY validated_at, hash LIMIT ? OFFSET ?", ApprovalStore::map, kind.name(), owner.id(), fetch, skip);
    }

    public Optional<Approval> find(Kind kind, Owner owner, String hash) {
        return jdbc.one("SELECT * FROM approvals WHERE kind = ? AND " + owner.column() + " = ? AND hash = ?",
                ApprovalStore::map, kind.name(), owner.id(), hash);
    }

    /** Throws {@link Jdbc.DuplicateException} when the owner has approved this hash already. */
    public void insert(Approval a) {
        jdbc.update("INSERT INTO approvals (kind, connection_id, destination_id, hash, public_key, encoded_cert, name, "
                        + "sha1, sha256, validated_by, validated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.kind().name(), a.owner().destination() ? null : a.owner().id(),
                a.owner().destination() ? a.owner().id() : null, a.hash(), a.publicKey(), a.encodedCert(), a.name(),
                a.sha1(), a.sha256(), a.validatedBy(), a.validatedAt());
    }

    public boolean delete(Kind kind, Owner owner, String hash) {
        return jdbc.update("DELETE FROM approvals WHERE kind = ? AND " + owner.column() + " = ? AND hash = ?",
                kind.name(), owner.id(), hash) > 0;
    }

    private static Approval map(ResultSet rs) throws SQLException {
        String destination = rs.getString("destination_id");
        Owner owner = destination != null ? new Owner(true, destination) : new Owner(false, rs.getString("connection_id"));
        return new Approval(Kind.valueOf(rs.getString("kind")), owner, rs.getString("hash"), rs.getString("public_key"),
                rs.getString("encoded_cert"), rs.getString("name"), rs.getString("sha1"), rs.getString("sha256"),
                rs.getString("validated_by"), Jdbc.instant(rs, "validated_at"));
    }
}

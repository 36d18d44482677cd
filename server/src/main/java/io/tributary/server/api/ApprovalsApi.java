package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.ApiJson;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.ApprovalStore;
import io.tributary.server.store.ApprovalStore.Approval;
import io.tributary.server.store.ApprovalStore.Kind;
import io.tributary.server.store.ApprovalStore.Owner;
import io.tributary.server.store.DestinationStore;
import io.tributary.server.store.Jdbc;
import io.tributary.server.trust.CertificateSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Approved TLS certificates and SSH fingerprints of connections and destinations: approve, list, details, revoke,
 * plus the deprecated account-level {@code POST /v1/certificates} and {@code POST /v1/fingerprints}, which name the
 * owner in the body. Approving a hash again with the same certificate or key is idempotent (200, the approval as
 * it was); with a different one it is a 409: revoke the old approval first. Approving a fingerprint answers 201.
 */
public final class ApprovalsApi {
    private final ApprovalStore approvals;
    private final ConnectionsApi connections;
    private final DestinationStore destinations;

    public record CertificateView(String id, String name, String hash, String type, String sha1, String sha256,
                                  String publicKey, String validatedDate, String validatedBy) {
    }

    public record FingerprintView(String id, String hash, String publicKey, String validatedDate, String validatedBy) {
    }

    /** Both kinds' bodies; the owner fields are read by the deprecated account-level routes only. */
    public record ApproveRequest(String hash, String encodedCert, String publicKey, String connectionId,
                                 String destinationId) {
    }

    public ApprovalsApi(ApprovalStore approvals, ConnectionsApi connections, DestinationStore destinations) {
        this.approvals = approvals;
        this.connections = connections;
        this.destinations = destinations;
    }

    public void register(Router router) {
        for (Kind kind : Kind.values()) {
            String noun = kind == Kind.CERTIFICATE ? "certificates" : "fingerprints";
            register(router, kind, "/v1/connections/{connectionId}/" + noun, "connectionId", Permission.MANAGE_CONNECTIONS);
            register(router, kind, "/v1/destinations/{destinationId}/" + noun, "destinationId",
                    Permission.MANAGE_DESTINATIONS);
            router.post("/v1/" + noun, Permission.MANAGE_CONNECTIONS, ctx -> approveForBodyOwner(ctx, kind));
        }
    }

    private void register(Router router, Kind kind, String base, String idParam, Permission permission) {
        boolean destination = idParam.equals("destinationId");
        router.get(base, ctx -> list(ctx, kind, owner(destination, ctx.pathParam(idParam))));
        router.post(base, permission, ctx -> {
            Owner owner = owner(destination, ctx.pathParam(idParam));
            Approval approval = approve(ctx, kind, owner, Json.body(ctx, ApproveRequest.class));
            if (kind == Kind.CERTIFICATE) {
                Json.ok(ctx, "The certificate has been approved.", view(approval));
            } else {
                // 201 in an envelope, as Fivetran answers and go-fivetran expects; the definition's 201 schema
                // lacks the envelope that every other operation has.
                Json.created(ctx, "The fingerprint has been approved", view(approval));
            }
        });
        router.get(base + "/{hash}", ctx -> {
            Owner owner = owner(destination, ctx.pathParam(idParam));
            Json.ok(ctx, view(require(kind, owner, ctx.pathParam("hash"))));
        });
        router.delete(base + "/{hash}", permission, ctx -> revoke(ctx, kind, owner(destination, ctx.pathParam(idParam))));
    }

    /** The connection or destination, or 404 {@code NotFound_Connection} / {@code NotFound_Destination}. */
    private Owner owner(boolean destination, String id) {
        if (destination) {
            destinations.find(id).orElseThrow(() -> ApiException.notFound("Destination", id));
        } else {
            connections.require(id);
        }
        return new Owner(destination, id);
    }

    private void list(Context ctx, Kind kind, Owner owner) {
        Paging paging = Paging.of(ctx);
        Json.page(ctx, paging.page(approvals.list(kind, owner, paging.skip(), paging.fetch()).stream()
                .map(ApprovalsApi::view).toList()));
    }

    private Approval approve(Context ctx, Kind kind, Owner owner, ApproveRequest req) {
        String hash = required(req.hash(), "hash");
        if (hash.length() > 512) {
            throw ApiException.invalid("Field 'hash' must be at most 512 characters");
        }
        Approval approval;
        if (kind == Kind.CERTIFICATE) {
            CertificateSummary cert = CertificateSummary.parse(required(req.encodedCert(), "encoded_cert"));
            approval = new Approval(kind, owner, hash, cert.publicKey(), cert.encoded(), cert.name(), cert.sha1(),
                    cert.sha256(), Router.caller(ctx).key(), Instant.now());
        } else {
            approval = new Approval(kind, owner, hash, required(req.publicKey(), "public_key"), null, null, null, null,
                    Router.caller(ctx).key(), Instant.now());
        }
        Optional<Approval> existing = approvals.find(kind, owner, hash);
        if (existing.isEmpty()) {
            try {
                approvals.insert(approval);
                return approvals.find(kind, owner, hash).orElseThrow(); // as stored: the store rounds to microseconds
            } catch (Jdbc.DuplicateException raced) {
                existing = approvals.find(kind, owner, hash);
            }
        }
        Approval old = existing.orElseThrow();
        boolean same = kind == Kind.CERTIFICATE ? old.encodedCert().equals(approval.encodedCert())
                : old.publicKey().equals(approval.publicKey());
        if (!same) {
            throw ApiException.conflict("A different " + (kind == Kind.CERTIFICATE ? "certificate" : "public key")
                    + " is approved with hash '" + hash + "'; revoke it first");
        }
        return old;
    }

    /** {@code POST /v1/certificates} or {@code /v1/fingerprints}: the owner is {@code connection_id} or {@code destination_id}. */
    private void approveForBodyOwner(Context ctx, Kind kind) {
        ApproveRequest req = Json.body(ctx, ApproveRequest.class);
        boolean byConnection = req.connectionId() != null && !req.connectionId().isBlank();
        boolean byDestination = req.destinationId() != null && !req.destinationId().isBlank();
        if (byConnection == byDestination) {
            throw ApiException.invalid("Set exactly one of the fields 'connection_id' and 'destination_id'");
        }
        if (byDestination && !Router.caller(ctx).role().allows(Permission.MANAGE_DESTINATIONS)) {
            throw new ApiException(403, "Forbidden", "The API key's role (" + Router.caller(ctx).role().title()
                    + ") does not allow managing destinations");
        }
        Owner owner = owner(byDestination, byDestination ? req.destinationId() : req.connectionId());
        approve(ctx, kind, owner, req);
        Json.message(ctx, kind == Kind.CERTIFICATE ? "The certificate has been approved."
                : "The fingerprint has been approved");
    }

    private void revoke(Context ctx, Kind kind, Owner owner) {
        Approval approval = require(kind, owner, ctx.pathParam("hash"));
        approvals.delete(kind, owner, approval.hash());
        String hash = approval.hash();
        String id = owner.id();
        Json.message(ctx, switch (kind) {
            case CERTIFICATE -> "Certificate '" + hash + "' has been revoked for " + (owner.destination()
                    ? "destination '" : "connection '") + id + "'";
            case FINGERPRINT -> owner.destination()
                    ? "Fingerprint with hash = '" + hash + "' has been revoked for destination id = '" + id + "'"
                    : "Fingerprint with hash '" + hash + "' has been revoked for connection with id '" + id + "'";
        });
    }

    /** By hash, or by the id the API shows (base64url of the hash), since hashes may hold characters paths cannot. */
    private Approval require(Kind kind, Owner owner, String hashOrId) {
        Optional<Approval> found = approvals.find(kind, owner, hashOrId);
        if (found.isEmpty()) {
            try {
                found = approvals.find(kind, owner, new String(Base64.getUrlDecoder().decode(hashOrId),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notAnId) {
                // not found either way
            }
        }
        return found.orElseThrow(() -> new ApiException(404, kind == Kind.CERTIFICATE ? "NotFound_Certificate"
                : "NotFound_Fingerprint", (kind == Kind.CERTIFICATE ? "Certificate" : "Fingerprint")
                + " with hash '" + hashOrId + "' is not approved for " + (owner.destination() ? "destination" : "connection")
                + " '" + owner.id() + "'"));
    }

    private static Object view(Approval a) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(a.hash().getBytes(StandardCharsets.UTF_8));
        String validated = ApiJson.timestamp(a.validatedAt());
        return a.kind() == Kind.CERTIFICATE
                ? new CertificateView(id, a.name(), a.hash(), "TLS", a.sha1(), a.sha256(), a.publicKey(), validated,
                a.validatedBy())
                : new FingerprintView(id, a.hash(), a.publicKey(), validated, a.validatedBy());
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.required(field);
        }
        return value.trim();
    }
}

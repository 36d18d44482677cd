package io.tributary.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.model.Membership;
import io.tributary.api.model.MembershipRequest;
import java.util.stream.Stream;

/**
 * A user's or team's roles in groups or in connections, e.g. {@code /v1/users/{id}/groups}. A membership's
 * {@code id} is the group's or connection's id.
 */
public final class Memberships {
    private final TributaryClient client;
    private final String path;

    /** {@code path} is the collection, e.g. "users/u1/groups", with its ids already encoded. */
    Memberships(TributaryClient client, String path) {
        this.client = client;
        this.path = path;
    }

    public Stream<Membership> list() {
        return client.list(path, Membership.class);
    }

    /** The membership in this group or connection; 404 {@code NotFound_Membership} when there is none. */
    public Membership get(String id) {
        return Envelopes.data(client, "GET", one(id), null, Membership.class);
    }

    /** Gives the member {@code role} in the group or connection {@code id}; 409 if it already has one. */
    public Membership add(String id, String role) {
        return Envelopes.data(client, "POST", path, new MembershipRequest(id, role), Membership.class);
    }

    /**
     * Changes the role. Some of these PATCHes answer with a message only (a user's group membership, per the
     * definition); the membership is then read back rather than returned as null.
     */
    public Membership changeRole(String id, String role) {
        JsonNode answer = client.call("PATCH", one(id), new MembershipRequest(null, role));
        return answer.path("data").isObject() ? Envelopes.decode(client, "PATCH", one(id), answer, Membership.class)
                : get(id);
    }

    public void remove(String id) {
        client.call("DELETE", one(id), null);
    }

    private String one(String id) {
        return path + "/" + TributaryClient.segment(id);
    }
}

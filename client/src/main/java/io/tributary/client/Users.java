package io.tributary.client;

import io.tributary.api.model.User;
import io.tributary.api.model.UserRequest;
import java.util.stream.Stream;

/** {@code /v1/users}: the account's users, their account roles, and their group and connection memberships. */
public final class Users {
    private final TributaryClient client;

    Users(TributaryClient client) {
        this.client = client;
    }

    public Stream<User> list() {
        return client.list("users", User.class);
    }

    /** Only active users, or only inactive ones. */
    public Stream<User> list(boolean active) {
        return client.list("users?active=" + active, User.class);
    }

    public User get(String id) {
        return Envelopes.data(client, "GET", one(id), null, User.class);
    }

    /** Invites a user: {@code email}, {@code given_name} and {@code family_name} are required; 409 if the email is taken. */
    public User invite(UserRequest user) {
        return Envelopes.data(client, "POST", "users", user, User.class);
    }

    /**
     * Changes the fields set in {@code changes} (null ones stay; "" clears {@code phone} or {@code picture}).
     * The email cannot change.
     */
    public User update(String id, UserRequest changes) {
        return Envelopes.data(client, "PATCH", one(id), changes, User.class);
    }

    public void delete(String id) {
        client.call("DELETE", one(id), null);
    }

    /** Removes the user's account role; they stay in the account, their teams, groups and connections. */
    public void removeRole(String id) {
        client.call("DELETE", one(id) + "/role", null);
    }

    /** The user's roles in groups. */
    public Memberships groups(String userId) {
        return new Memberships(client, one(userId) + "/groups");
    }

    /** The user's roles in connections. */
    public Memberships connections(String userId) {
        return new Memberships(client, one(userId) + "/connections");
    }

    private static String one(String id) {
        return "users/" + TributaryClient.segment(id);
    }
}

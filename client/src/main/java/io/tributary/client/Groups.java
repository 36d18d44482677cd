package io.tributary.client;

import io.tributary.api.model.Group;
import io.tributary.api.model.GroupRequest;
import java.util.stream.Stream;

/** {@code /v1/groups}. */
public final class Groups {
    private final TributaryClient client;

    Groups(TributaryClient client) {
        this.client = client;
    }

    public Stream<Group> list() {
        return client.list("groups", Group.class);
    }

    public Group create(String name) {
        return client.read(client.call("POST", "groups", new GroupRequest(name)).path("data"), Group.class);
    }

    public Group get(String id) {
        return client.read(client.call("GET", "groups/" + TributaryClient.segment(id), null).path("data"), Group.class);
    }

    public Group rename(String id, String name) {
        return client.read(client.call("PATCH", "groups/" + TributaryClient.segment(id), new GroupRequest(name))
                .path("data"), Group.class);
    }

    public void delete(String id) {
        client.call("DELETE", "groups/" + TributaryClient.segment(id), null);
    }
}

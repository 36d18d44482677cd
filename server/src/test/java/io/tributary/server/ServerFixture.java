package io.tributary.server;

import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Role;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.SchemaConfig;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.SchemaConfigStore;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** A running server on a fresh store, with an administrator and a read-only client. */
public final class ServerFixture implements AutoCloseable {
    public final TributaryServer server;
    public final Http admin;
    public final Http reviewer;
    public final Http anonymous;

    private ServerFixture(TributaryServer server, Http admin, Http reviewer) {
        this.server = server;
        this.admin = admin;
        this.reviewer = reviewer;
        this.anonymous = admin.anonymous();
    }

    public static ServerFixture start(StoreKind kind, Path dir) {
        return start(kind, dir, UnaryOperator.identity());
    }

    public static ServerFixture start(StoreKind kind, Path dir, UnaryOperator<ServerConfig> tweak) {
        TributaryServer server = TributaryServer.start(tweak.apply(kind.fresh(dir)));
        ApiKeys.Credentials root = server.initialKey().orElseThrow();
        ApiKeys.Credentials reader = new ApiKeys(new Jdbc(server.database())).create(Role.ACCOUNT_REVIEWER, "tests");
        Http http = new Http(server.port());
        return new ServerFixture(server, http.as(root.key(), root.secret()), http.as(reader.key(), reader.secret()));
    }

    /** Records a capture of the connection's source schema, as the orchestrator does after reading the source. */
    public SchemaConfig discover(String connectionId, Discovered.Table... tables) {
        return new SchemaConfigStore(server.database()).discover(connectionId, List.of(tables));
    }

    @Override
    public void close() {
        server.close();
    }
}

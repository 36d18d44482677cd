package io.tributary.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tributary.server.auth.ApiKeys.Caller;
import io.tributary.server.auth.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers API routes with the permission each needs (403 without it). A path under {@code /v1/connections}
 * is also served under the legacy {@code /v1/connectors}, which real clients still call.
 */
public final class Router {
    private final RoutesConfig routes;
    private final List<Route> registered = new ArrayList<>();

    /** A registered operation, for sweeps over the whole API. */
    public record Route(String method, String path, Permission permission) {
    }

    public Router(RoutesConfig routes) {
        this.routes = routes;
    }

    /** Every route registered so far, legacy aliases included. */
    public List<Route> routes() {
        return List.copyOf(registered);
    }

    public void get(String path, Handler handler) {
        for (String p : aliases(path)) {
            routes.get(p, guarded(Permission.READ, handler));
            registered.add(new Route("GET", p, Permission.READ));
        }
    }

    public void post(String path, Permission permission, Handler handler) {
        for (String p : aliases(path)) {
            routes.post(p, guarded(permission, handler));
            registered.add(new Route("POST", p, permission));
        }
    }

    public void patch(String path, Permission permission, Handler handler) {
        for (String p : aliases(path)) {
            routes.patch(p, guarded(permission, handler));
            registered.add(new Route("PATCH", p, permission));
        }
    }

    public void delete(String path, Permission permission, Handler handler) {
        for (String p : aliases(path)) {
            routes.delete(p, guarded(permission, handler));
            registered.add(new Route("DELETE", p, permission));
        }
    }

    private static String[] aliases(String path) {
        return path.contains("/connections")
                ? new String[] {path, path.replace("/connections", "/connectors")}
                : new String[] {path};
    }

    private static Handler guarded(Permission permission, Handler handler) {
        return ctx -> {
            Caller caller = ctx.attribute(Gatekeeper.CALLER);
            if (caller == null || !caller.role().allows(permission)) {
                throw new ApiException(403, "Forbidden", "The API key's role ("
                        + (caller == null ? "none" : caller.role().title()) + ") does not allow this operation");
            }
            handler.handle(ctx);
        };
    }

    /** The caller of the current request. */
    public static Caller caller(Context ctx) {
        return ctx.attribute(Gatekeeper.CALLER);
    }
}

package io.tributary.server.api;

import io.tributary.server.auth.Role;
import io.tributary.server.http.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A {@code role} field: a title from the role catalogue ({@code GET /v1/roles}) of the kind the field takes.
 * Users and teams hold account roles, group memberships destination roles, connection memberships connector
 * roles, team members team roles.
 */
enum RoleField {
    ACCOUNT("ACCOUNT", "an account role"),
    GROUP("DESTINATION", "a group role"),
    CONNECTION("CONNECTOR", "a connection role"),
    TEAM("TEAM", "a team role");

    private final String scope;
    private final String kind;

    RoleField(String scope, String kind) {
        this.scope = scope;
        this.kind = kind;
    }

    /** The catalogue's title for {@code value}; 400 naming the field when it is missing or of another kind. */
    String require(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.required("role");
        }
        return parse(value);
    }

    /** Like {@link #require}, but null (not given) stays null. */
    String optional(String value) {
        return value == null ? null : parse(value);
    }

    private String parse(String value) {
        return Role.byTitle(value).filter(r -> r.scope().equals(scope)).map(Role::title)
                .orElseThrow(() -> ApiException.invalid("Field 'role' must be " + kind + ", one of " + allowed()
                        + "; got '" + value + "'"));
    }

    private String allowed() {
        return Arrays.stream(Role.values()).filter(r -> r.scope().equals(scope))
                .map(r -> "'" + r.title() + "'").collect(Collectors.joining(", "));
    }
}

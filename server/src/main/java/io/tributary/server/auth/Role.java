package io.tributary.server.auth;

import static io.tributary.server.auth.Permission.MANAGE_ACCOUNT;
import static io.tributary.server.auth.Permission.MANAGE_CONNECTIONS;
import static io.tributary.server.auth.Permission.MANAGE_DESTINATIONS;
import static io.tributary.server.auth.Permission.READ;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The reference's roles, with the permissions an API key of that role has. */
public enum Role {
    ACCOUNT_ADMINISTRATOR("Account Administrator", "ACCOUNT", "Full access to the account",
            READ, MANAGE_ACCOUNT, MANAGE_DESTINATIONS, MANAGE_CONNECTIONS),
    ACCOUNT_REVIEWER("Account Reviewer", "ACCOUNT", "Read-only access to the account", READ),
    ACCOUNT_ANALYST("Account Analyst", "ACCOUNT", "Read-only access to the account and its data", READ),
    DESTINATION_ADMINISTRATOR("Destination Administrator", "DESTINATION",
            "Manage destinations and their connections", READ, MANAGE_DESTINATIONS, MANAGE_CONNECTIONS),
    MANAGE_DESTINATION("Manage Destination", "DESTINATION", "Manage a destination and its connections",
            READ, MANAGE_DESTINATIONS, MANAGE_CONNECTIONS),
    MANAGE_CONNECTION("Manage Connection", "CONNECTOR", "Manage connections", READ, MANAGE_CONNECTIONS),
    VIEW_CONNECTION("View Connection", "CONNECTOR", "View connections", READ),
    TEAM_MANAGER("Team Manager", "TEAM", "Manage a team's members", READ),
    TEAM_MEMBER("Team Member", "TEAM", "Member of a team", READ);

    private final String title;
    private final String scope;
    private final String description;
    private final Set<Permission> permissions;

    Role(String title, String scope, String description, Permission first, Permission... rest) {
        this.title = title;
        this.scope = scope;
        this.description = description;
        this.permissions = EnumSet.of(first, rest);
    }

    public String title() {
        return title;
    }

    public String scope() {
        return scope;
    }

    public String description() {
        return description;
    }

    public boolean allows(Permission p) {
        return permissions.contains(p);
    }

    /** By title ("Account Reviewer"), case-insensitively. */
    public static Optional<Role> byTitle(String title) {
        for (Role r : values()) {
            if (r.title.equalsIgnoreCase(title == null ? "" : title.trim())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

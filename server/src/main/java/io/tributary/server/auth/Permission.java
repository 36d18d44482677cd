package io.tributary.server.auth;

/** What a request needs. Every GET needs READ; writes need the permission of the resource family. */
public enum Permission {
    READ,
    MANAGE_ACCOUNT,
    MANAGE_DESTINATIONS,
    MANAGE_CONNECTIONS
}

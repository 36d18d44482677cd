package io.tributary.destination.postgres;

import io.tributary.runtime.destination.DestinationException;
import java.sql.SQLException;

/** Turns PostgreSQL's refusals into messages that say what to do. */
final class Errors {
    private Errors() {
    }

    /** Opening the connection or creating the schemas failed. */
    static DestinationException open(String where, String user, String schema, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String advice;
        if (state.startsWith("08")) {
            advice = "Check that PostgreSQL is running and accepts TCP connections at that host and port "
                    + "(listen_addresses, pg_hba.conf, a firewall).";
        } else if (state.equals("28P01") || state.equals("28000")) {
            advice = "Check the user and password" + (user == null ? "" : " of '" + user + "'")
                    + ", and that pg_hba.conf lets that user in from this host.";
        } else if (state.equals("3D000")) {
            advice = "Create the database, or fix the database name in the URL.";
        } else if (state.equals("42501")) {
            advice = "Let the user create schemas (GRANT CREATE ON DATABASE <database> TO " + (user == null
                    ? "<user>" : user) + "), or have an administrator create schemas " + Sql.quote(schema) + " and "
                    + Metadata.SCHEMA + " owned by that user.";
        } else {
            advice = "Check the connection settings and the user's privileges.";
        }
        return new DestinationException(opening(where, schema) + e.getMessage() + ". " + advice, e);
    }

    /** "cannot open PostgreSQL destination URL (schema S): ", the URL left out when a connection source failed. */
    static String opening(String where, String schema) {
        return "cannot open PostgreSQL destination " + (where == null || where.isEmpty() ? "" : where + " ") + "(schema "
                + schema + "): ";
    }

    /** A statement on one table failed. */
    static DestinationException table(String doing, String schema, String table, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String advice = switch (state.length() < 2 ? state : state.startsWith("08") ? "08" : state) {
            case "42501" -> " Grant the user CREATE and USAGE on schema " + Sql.quote(schema) + " and ownership of its "
                    + "tables.";
            case "42P07" -> " The table exists, but " + Metadata.SCHEMA + ".tables has no layout for it, so it was not "
                    + "created by Tributary: drop or rename it, or sync into another schema.";
            case "08" -> " The connection to PostgreSQL was lost; the sync resumes from its last checkpoint when run "
                    + "again.";
            default -> "";
        };
        return new DestinationException("cannot " + doing + " table " + schema + "." + table + ": " + e.getMessage()
                + advice, e);
    }

    /** The URL without its query string, which may carry a password. */
    static String describe(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}

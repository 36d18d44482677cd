package io.tributary.sdk.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** Opening a source connection, with failures explained by their SQLState. */
public final class Jdbc {
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|key)=)[^&;]*");

    private Jdbc() {
    }

    /**
     * Opens a connection with {@link DriverManager}. A failure becomes a {@link JdbcSourceException} saying whether
     * the login, the database name, the network or the missing driver is to blame; the URL is shown with any
     * secret parameters masked, and the password never.
     */
    public static Connection connect(String url, String user, String password) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new JdbcSourceException(explainConnectFailure(url, user, e), e);
        }
    }

    static String explainConnectFailure(String url, String user, SQLException e) {
        String where = mask(url);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String cause = e.getMessage() + (state.isEmpty() ? "" : " (SQLState " + state + ")");
        if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            return "no JDBC driver on the classpath accepts " + where + ": add the database's JDBC driver to the "
                    + "connector's dependencies, and check that the URL starts with its prefix (jdbc:postgresql:, ...)";
        }
        if (state.startsWith("28")) {
            return "cannot log in to " + where + " as '" + user + "': " + cause
                    + ". Check the user and password in the configuration.";
        }
        if (state.equals("3D000")) {
            return "the database in " + where + " does not exist: " + cause + ". Check the database name.";
        }
        if (state.startsWith("08")) {
            return "cannot reach the database at " + where + ": " + cause
                    + ". Check the host and port, and that the database accepts connections from this machine.";
        }
        return "cannot connect to " + where + " as '" + user + "': " + cause;
    }

    /** The URL with the values of secret-looking parameters replaced by ***. */
    static String mask(String url) {
        return url == null ? "(no URL)" : SECRET_PARAMETER.matcher(url).replaceAll("$1***");
    }
}

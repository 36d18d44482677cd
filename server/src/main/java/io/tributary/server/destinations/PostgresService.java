package io.tributary.server.destinations;

import io.tributary.api.model.SetupTest;
import io.tributary.server.http.ApiException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** A PostgreSQL database. Config: host, port, database, user, password, and an optional schema prefix. */
final class PostgresService implements DestinationService {
    @Override
    public String name() {
        return "postgres_warehouse";
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("password");
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("host", DestinationService.requireText(config, "host"));
        out.put("port", port(config.get("port")));
        out.put("database", DestinationService.requireText(config, "database"));
        out.put("user", DestinationService.requireText(config, "user"));
        out.put("password", DestinationService.requireText(config, "password"));
        Object schema = config.get("schema");
        if (schema != null && !schema.toString().isBlank()) {
            out.put("schema", schema.toString());
        }
        return out;
    }

    private static int port(Object value) {
        if (value == null || value.toString().isBlank()) {
            return 5432;
        }
        try {
            int p = Integer.parseInt(value.toString().trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("Field 'config.port' must be a port number from 1 to 65535, got '" + value + "'");
    }

    @Override
    public List<SetupTest> test(Map<String, Object> config) {
        String url = "jdbc:postgresql://" + config.get("host") + ":" + config.get("port") + "/" + config.get("database");
        Properties props = new Properties();
        props.setProperty("user", config.get("user").toString());
        props.setProperty("password", config.get("password").toString());
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "30");
        List<SetupTest> results = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, props)) {
            results.add(DestinationService.passed("Connection"));
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT has_database_privilege(current_user, current_database(), 'CREATE')")) {
                rs.next();
                results.add(rs.getBoolean(1) ? DestinationService.passed("Permission to create schemas")
                        : DestinationService.failed("Permission to create schemas", "user " + config.get("user")
                        + " may not create schemas in " + config.get("database") + "; GRANT CREATE ON DATABASE"));
            }
        } catch (SQLException e) {
            results.add(DestinationService.failed("Connection", "cannot connect to " + url + ": " + e.getMessage()));
        }
        return results;
    }
}

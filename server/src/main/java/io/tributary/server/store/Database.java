package io.tributary.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The metadata store: an embedded H2 file by default, PostgreSQL in production. Both run the same Flyway
 * migrations (portable SQL; the one type they name differently, for binary content, is the placeholder
 * {@code binary_type}), so what the tests prove on one holds on the other.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("binary_type", isH2(dataSource.getJdbcUrl()) ? "BINARY LARGE OBJECT" : "BYTEA"))
                .load().migrate();
    }

    private static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }

    /** H2 in {@code dataDir}/tributary.mv.db, in PostgreSQL mode. */
    public static Database embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("tributary");
        return open("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "");
    }

    public static Database open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("tributary-store");
        return new Database(new HikariDataSource(config));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

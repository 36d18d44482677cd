package io.tributary.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiJson;
import io.tributary.api.model.SetupTest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Destinations in the metadata store; configuration and setup tests are stored as JSON text. */
public final class DestinationStore {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final Jdbc jdbc;

    /** A stored destination, secrets included. */
    public record Row(String id, String service, String region, String timeZoneOffset, boolean daylightSaving,
                      String networkingMethod, Map<String, Object> config, String setupStatus,
                      List<SetupTest> setupTests) {
    }

    public DestinationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> list(int skip, int fetch) {
        return jdbc.query("SELECT * FROM destinations ORDER BY created_at, id LIMIT ? OFFSET ?", DestinationStore::map,
                fetch, skip);
    }

    public Optional<Row> find(String id) {
        return jdbc.one("SELECT * FROM destinations WHERE id = ?", DestinationStore::map, id);
    }

    /** Throws {@link Jdbc.DuplicateException} when the group has a destination already. */
    public void insert(Row r) {
        jdbc.update("INSERT INTO destinations (id, service, region, time_zone_offset, daylight_saving_time_enabled, "
                        + "networking_method, config, setup_status, setup_tests, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.service(), r.region(), r.timeZoneOffset(), r.daylightSaving(), r.networkingMethod(),
                write(r.config()), r.setupStatus(), write(r.setupTests()), Instant.now());
    }

    public void update(Row r) {
        jdbc.update("UPDATE destinations SET region = ?, time_zone_offset = ?, daylight_saving_time_enabled = ?, "
                        + "networking_method = ?, config = ?, setup_status = ?, setup_tests = ? WHERE id = ?",
                r.region(), r.timeZoneOffset(), r.daylightSaving(), r.networkingMethod(), write(r.config()),
                r.setupStatus(), write(r.setupTests()), r.id());
    }

    public boolean delete(String id) {
        return jdbc.update("DELETE FROM destinations WHERE id = ?", id) > 0;
    }

    private static Row map(ResultSet rs) throws SQLException {
        try {
            return new Row(rs.getString("id"), rs.getString("service"), rs.getString("region"),
                    rs.getString("time_zone_offset"), rs.getBoolean("daylight_saving_time_enabled"),
                    rs.getString("networking_method"),
                    JSON.readValue(rs.getString("config"), new TypeReference<Map<String, Object>>() { }),
                    rs.getString("setup_status"),
                    JSON.readValue(rs.getString("setup_tests"), new TypeReference<List<SetupTest>>() { }));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored destination " + rs.getString("id") + " is not readable JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

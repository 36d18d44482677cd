package io.tributary.destination.duckdb;

import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: runs syncs into a DuckDB file and reads it back. */
final class Warehouse {
    final Path file;

    Warehouse(Path dir) {
        this.file = dir.resolve("warehouse.db");
    }

    SyncResult sync(Connector connector) {
        return sync(connector, SyncOptions.defaults());
    }

    SyncResult sync(Connector connector, SyncOptions options) {
        try (DuckDbDestination destination = new DuckDbDestination(file, "tester")) {
            return new SyncRunner(options).run(connector, Configuration.empty(), null, destination, s -> { });
        }
    }

    List<Map<String, Object>> rows(String sql) throws Exception {
        try (DuckDbDestination destination = new DuckDbDestination(file, "tester");
             Statement st = destination.connection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    String state() {
        try (DuckDbDestination destination = new DuckDbDestination(file, "tester")) {
            return destination.committedState().orElse(null);
        }
    }
}

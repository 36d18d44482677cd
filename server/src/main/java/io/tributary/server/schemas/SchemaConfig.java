package io.tributary.server.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A connection's schema config: its source's schemas, tables and columns, each enabled or not, as users chose and
 * as the source allows. Mutable: load it, change it, save it (the store refuses a save over a concurrent one).
 * Names are the source's, case-sensitive; maps are ordered by name so that responses are stable.
 */
public final class SchemaConfig {
    /** The longest schema, table or column name the store keeps (its composite keys must fit an index entry). */
    public static final int MAX_NAME = 256;
    private final String connectionId;
    private final int version;
    private SchemaChangeHandling handling;
    private boolean typeLocked;
    private Instant capturedAt;
    private final Map<String, Schema> schemas = new TreeMap<>();

    public SchemaConfig(String connectionId, int version, SchemaChangeHandling handling, boolean typeLocked,
                        Instant capturedAt) {
        this.connectionId = connectionId;
        this.version = version;
        this.handling = handling;
        this.typeLocked = typeLocked;
        this.capturedAt = capturedAt;
    }

    /** A config not stored yet. */
    public static SchemaConfig fresh(String connectionId, SchemaChangeHandling handling) {
        return new SchemaConfig(connectionId, 0, handling, false, null);
    }

    public String connectionId() {
        return connectionId;
    }

    /** The stored version this was loaded from (0 when not stored yet). */
    public int version() {
        return version;
    }

    public SchemaChangeHandling handling() {
        return handling;
    }

    public void handling(SchemaChangeHandling value) {
        handling = value;
    }

    public boolean typeLocked() {
        return typeLocked;
    }

    public void typeLocked(boolean value) {
        typeLocked = value;
    }

    /** When the source's schema was last captured; null while the config holds only what users set up. */
    public Instant capturedAt() {
        return capturedAt;
    }

    public Map<String, Schema> schemas() {
        return schemas;
    }

    public Schema schema(String name) {
        return schemas.get(name);
    }

    public Schema addSchema(Schema schema) {
        schemas.put(schema.name(), schema);
        return schema;
    }

    /** Why {@code enabled} of an object cannot change: its own lock, or its deletion from the source. */
    public Lock lockOf(Lock own, boolean inSource) {
        if (capturedAt != null && !inSource) {
            return Lock.DELETED;
        }
        return own;
    }

    /**
     * Applies a capture of the source's whole schema. Objects the config knows keep the state users gave them;
     * new ones are enabled as {@link #handling()} says (a schema or table by its table rule, a column by its
     * column rule). Primary-key columns are always enabled, overriding an exclusion set up before the capture
     * (the API's documented "settings for such entities are ignored"). Known objects the capture lacks stay in
     * the config, marked deleted.
     */
    public void capture(List<Discovered.Table> source, Instant at) {
        schemas.values().forEach(s -> {
            s.inSource = false;
            s.tables.values().forEach(t -> {
                t.inSource = false;
                t.columns.values().forEach(c -> c.inSource = false);
            });
        });
        for (Discovered.Table found : source) {
            Schema schema = schemas.computeIfAbsent(found.schema(),
                    name -> new Schema(name, found.schemaInDestination(), handling.enablesNewTables(), false));
            schema.nameInDestination = found.schemaInDestination();
            schema.inSource = true;
            Table table = schema.tables.computeIfAbsent(found.table(), name -> new Table(name,
                    found.tableInDestination(), handling.enablesNewTables(), null, true, false, null, false));
            table.nameInDestination = found.tableInDestination();
            table.supportsHistoryMode = found.supportsHistoryMode();
            table.syncMode = !found.supportsHistoryMode() ? null
                    : table.syncMode == null ? SyncMode.SOFT_DELETE : table.syncMode;
            table.supportsColumnsConfig = true;
            table.inSource = true;
            for (Discovered.Column col : found.columns()) {
                Column column = table.columns.computeIfAbsent(col.name(), name -> new Column(name,
                        col.nameInDestination(), handling.enablesNewColumns(), false, null, null, false, false));
                column.nameInDestination = col.nameInDestination();
                column.primaryKey = col.primaryKey();
                column.lock = col.primaryKey() ? Lock.PRIMARY_KEY : null;
                if (col.primaryKey()) {
                    column.enabled = true;
                }
                column.inSource = true;
            }
        }
        capturedAt = at;
    }

    /** A schema of the source (for {@code connector_sdk}, the connection's one schema). */
    public static final class Schema {
        private final String name;
        private String nameInDestination;
        private boolean enabled;
        private boolean inSource;
        private final Map<String, Table> tables = new TreeMap<>();

        public Schema(String name, String nameInDestination, boolean enabled, boolean inSource) {
            this.name = name;
            this.nameInDestination = nameInDestination;
            this.enabled = enabled;
            this.inSource = inSource;
        }

        public String name() {
            return name;
        }

        public String nameInDestination() {
            return nameInDestination;
        }

        public boolean enabled() {
            return enabled;
        }

        public void enabled(boolean value) {
            enabled = value;
        }

        public boolean inSource() {
            return inSource;
        }

        public Map<String, Table> tables() {
            return tables;
        }

        public Table table(String tableName) {
            return tables.get(tableName);
        }

        public Table addTable(Table table) {
            tables.put(table.name(), table);
            return table;
        }
    }

    /** A table; {@code syncMode} is null when the table cannot switch modes. */
    public static final class Table {
        private final String name;
        private String nameInDestination;
        private boolean enabled;
        private SyncMode syncMode;
        private boolean supportsColumnsConfig;
        private boolean supportsHistoryMode;
        private Lock lock;
        private boolean inSource;
        private final Map<String, Column> columns = new TreeMap<>();

        public Table(String name, String nameInDestination, boolean enabled, SyncMode syncMode,
                     boolean supportsColumnsConfig, boolean supportsHistoryMode, Lock lock, boolean inSource) {
            this.name = name;
            this.nameInDestination = nameInDestination;
            this.enabled = enabled;
            this.syncMode = syncMode;
            this.supportsColumnsConfig = supportsColumnsConfig;
            this.supportsHistoryMode = supportsHistoryMode;
            this.lock = lock;
            this.inSource = inSource;
        }

        public String name() {
            return name;
        }

        public String nameInDestination() {
            return nameInDestination;
        }

        public boolean enabled() {
            return enabled;
        }

        public void enabled(boolean value) {
            enabled = value;
        }

        public SyncMode syncMode() {
            return syncMode;
        }

        public void syncMode(SyncMode value) {
            syncMode = value;
        }

        public boolean supportsColumnsConfig() {
            return supportsColumnsConfig;
        }

        public boolean supportsHistoryMode() {
            return supportsHistoryMode;
        }

        /** The source's own lock on {@code enabled}, or null; see {@link SchemaConfig#lockOf}. */
        public Lock lock() {
            return lock;
        }

        public boolean inSource() {
            return inSource;
        }

        public Map<String, Column> columns() {
            return columns;
        }

        public Column column(String columnName) {
            return columns.get(columnName);
        }

        public Column addColumn(Column column) {
            columns.put(column.name(), column);
            return column;
        }
    }

    /** A column; {@code userSet} marks a state users chose, which responses always show. */
    public static final class Column {
        private final String name;
        private String nameInDestination;
        private boolean enabled;
        private boolean hashed;
        private Boolean primaryKey;
        private Lock lock;
        private boolean userSet;
        private boolean inSource;

        public Column(String name, String nameInDestination, boolean enabled, boolean hashed, Boolean primaryKey,
                      Lock lock, boolean userSet, boolean inSource) {
            this.name = name;
            this.nameInDestination = nameInDestination;
            this.enabled = enabled;
            this.hashed = hashed;
            this.primaryKey = primaryKey;
            this.lock = lock;
            this.userSet = userSet;
            this.inSource = inSource;
        }

        public String name() {
            return name;
        }

        public String nameInDestination() {
            return nameInDestination;
        }

        public boolean enabled() {
            return enabled;
        }

        public void enabled(boolean value) {
            enabled = value;
        }

        public boolean hashed() {
            return hashed;
        }

        public void hashed(boolean value) {
            hashed = value;
        }

        /** Null when unknown: set up before a capture without saying. */
        public Boolean primaryKey() {
            return primaryKey;
        }

        public void primaryKey(Boolean value) {
            primaryKey = value;
        }

        public Lock lock() {
            return lock;
        }

        public boolean userSet() {
            return userSet;
        }

        public void markUserSet() {
            userSet = true;
        }

        public boolean inSource() {
            return inSource;
        }
    }
}

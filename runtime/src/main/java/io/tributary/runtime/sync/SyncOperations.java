package io.tributary.runtime.sync;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.destination.Batch.Op;
import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.runtime.schema.DeclaredTable;
import io.tributary.runtime.schema.Naming;
import io.tributary.runtime.schema.TableSchema;
import io.tributary.runtime.values.RowMapper;
import io.tributary.runtime.values.TypeWidening;
import io.tributary.runtime.values.ValueCoercion;
import io.tributary.sdk.ColumnType;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector-facing side of a sync. Validates each operation against the schema, names and coerces its
 * values (inferring and widening undeclared columns), and buffers it; full buffers go to the destination side
 * as batches, bounded in bytes in flight. Thread-safe: one lock orders all operations.
 */
final class SyncOperations implements Operations {
    private static final Logger CONNECTOR_LOG = LoggerFactory.getLogger("connector");
    private static final Logger LOG = LoggerFactory.getLogger("tributary");
    private static final long ROW_OVERHEAD = 32;

    private final Naming naming;
    private final SyncOptions options;
    private final SyncCounters counters;
    private final BlockingQueue<Command> queue;
    private final Semaphore inFlight;
    private final int maxPermits;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock checkpointLock = new ReentrantLock();
    private final Map<String, TableState> bySourceName = new HashMap<>();
    private final Map<String, TableState> byName = new HashMap<>();
    private final Map<String, DeclaredTable> pendingDeclarations = new HashMap<>();
    private long sequence;
    private long bufferedBytes;
    private volatile Throwable destinationFailure;
    private volatile String requestedError;

    /** A table as this sync knows it. {@code schema} is null until the first row types an untyped key. */
    private static final class TableState {
        final String name;
        TableSchema schema;
        Set<String> declared = Set.of();
        /** False until the destination has been asked to create the table. */
        boolean created;
        List<String> untypedKey = List.of();
        final Map<String, String> columnNames = new HashMap<>();
        TableBuffer buffer;
        /** For the fast path, valid for the current schema: source column name to index, and per-index facts. */
        final Map<Object, Integer> indexBySource = new HashMap<>();
        boolean[] declaredAt = new boolean[0];
        boolean[] keyAt = new boolean[0];
        ColumnType[] typeAt = new ColumnType[0];
        /** Upserted keys since the last commit, so the destination can skip deduplication. */
        final KeyTracker keys = new KeyTracker();
        /** Two source names map to one column: only the general path can say which. */
        boolean ambiguousSources;

        TableState(String name) {
            this.name = name;
        }

        void setSchema(TableSchema next) {
            schema = next;
            indexBySource.clear();
            ambiguousSources = false;
            int width = next.columns().size();
            declaredAt = new boolean[width];
            keyAt = new boolean[width];
            typeAt = new ColumnType[width];
            for (int i = 0; i < width; i++) {
                ColumnSchema c = next.columns().get(i);
                declaredAt[i] = declared.contains(c.name());
                keyAt[i] = c.primaryKey();
                typeAt[i] = c.type();
            }
        }
    }

    SyncOperations(Naming naming, SyncOptions options, SyncCounters counters, BlockingQueue<Command> queue) {
        this.naming = naming;
        this.options = options;
        this.counters = counters;
        this.queue = queue;
        this.maxPermits = (int) Math.max(1, options.inFlightBytes() >> 10);
        this.inFlight = new Semaphore(maxPermits);
    }

    /** Tables as the destination last committed them. Called before the connector starts. */
    void existing(List<TableSchema> tables) {
        for (TableSchema t : tables) {
            TableState state = new TableState(t.name());
            state.setSchema(t);
            state.buffer = new TableBuffer(t);
            state.created = true;
            byName.put(t.name(), state);
        }
    }

    /** Tables from {@code schema()}: created (or evolved) now unless a key type awaits the first row. */
    void declare(List<DeclaredTable> tables) {
        lock.lock();
        try {
            for (DeclaredTable d : tables) {
                TableState t = byName.computeIfAbsent(d.name(), TableState::new);
                bySourceName.put(d.sourceName(), t);
                t.declared = d.declared();
                if (t.schema != null) {
                    t.setSchema(t.schema);
                    evolveToDeclared(t, d);
                } else if (d.untypedKey().isEmpty()) {
                    create(t, d.hasPrimaryKey() ? new TableSchema(d.name(), d.columns()) : withSurrogate(d));
                } else {
                    t.untypedKey = d.untypedKey();
                    t.schema = null;
                    t.indexBySource.clear();
                    pendingDeclarations.put(d.name(), d);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static TableSchema withSurrogate(DeclaredTable d) {
        TableSchema schema = TableSchema.keyless(d.name());
        for (ColumnSchema c : d.columns()) {
            schema = schema.withColumn(c);
        }
        return schema;
    }

    private void evolveToDeclared(TableState t, DeclaredTable d) {
        TableSchema next = t.schema;
        for (ColumnSchema c : d.columns()) {
            ColumnSchema existing = next.column(c.name());
            if (existing == null) {
                next = next.withColumn(new ColumnSchema(c.name(), c.type(), false));
            } else if (!existing.type().equals(c.type())) {
                next = next.withType(c.name(), TypeWidening.widen(existing.type(), c.type()));
            }
        }
        if (!next.equals(t.schema)) {
            changeSchema(t, next);
        }
    }

    @Override
    public void upsert(String table, Object row) {
        apply(Op.UPSERT, table, row);
        counters.upserts.incrementAndGet();
    }

    @Override
    public void update(String table, Object row) {
        apply(Op.UPDATE, table, row);
        counters.updates.incrementAndGet();
    }

    @Override
    public void delete(String table, Object keys) {
        apply(Op.DELETE, table, keys);
        counters.deletes.incrementAndGet();
    }

    @Override
    public void truncate(String table) {
        lock.lock();
        try {
            checkOpen();
            TableState t = resolve(table, "truncate");
            if (t.created) {
                Object[] cells = new Object[t.schema.columns().size()];
                java.util.Arrays.fill(cells, Batch.UNSET);
                append(t, Op.TRUNCATE, cells, ROW_OVERHEAD);
            }
        } finally {
            lock.unlock();
        }
        counters.truncates.incrementAndGet();
    }

    @Override
    public void checkpoint(Object state) {
        String json = State.toJson(state);
        checkpointLock.lock();
        try {
            CompletableFuture<Void> done = new CompletableFuture<>();
            lock.lock();
            try {
                checkOpen();
                flushAll();
                byName.values().forEach(t -> t.keys.clear());
                put(new Command.Commit(json, done));
            } finally {
                lock.unlock();
            }
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException("checkpoint interrupted before it was committed", e);
            } catch (ExecutionException e) {
                throw new ConnectorException("checkpoint failed: " + e.getCause().getMessage(), e.getCause());
            }
            counters.checkpoints.incrementAndGet();
            counters.checkpointed();
            LOG.info("Checkpoint: {}", json);
        } finally {
            checkpointLock.unlock();
        }
    }

    @Override
    public RuntimeException error(String message) {
        String text = message == null || message.isBlank() ? "the connector reported an error" : message;
        requestedError = text;
        throw new ConnectorException(text);
    }

    @Override
    public void warning(String message) {
        CONNECTOR_LOG.warn(message);
    }

    /** The message of {@link #error}, if the connector called it. */
    String requestedError() {
        return requestedError;
    }

    /** The destination side failed: every further operation throws. */
    void destinationFailed(Throwable cause) {
        destinationFailure = cause;
    }

    /** Sends what is buffered, then tells the destination side the connector is done. */
    void finish(Throwable failure) {
        lock.lock();
        try {
            if (failure == null && destinationFailure == null) {
                flushAll();
            }
            put(new Command.Finish(failure));
        } catch (RuntimeException e) {
            put(new Command.Finish(e));
        } finally {
            lock.unlock();
        }
    }

    void release(int permits) {
        inFlight.release(permits);
    }

    private void apply(Op op, String table, Object row) {
        Map<String, Object> raw = RowMapper.toMap(row, op.name().toLowerCase(), table);
        lock.lock();
        try {
            checkOpen();
            TableState t = resolve(table, op.name().toLowerCase());
            Object[] cells = fastCells(t, op, raw);
            if (cells != null) {
                append(t, op, cells, estimate(cells));
            } else {
                applyGeneral(t, op, table, raw);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The common case in one pass and no allocation but the row: every column known, no type to widen, a
     * declared key. Returns null when the general path must decide (new column, widening, surrogate key).
     */
    private Object[] fastCells(TableState t, Op op, Map<?, ?> raw) {
        if (!t.created || t.schema == null || t.ambiguousSources || t.schema.hasSurrogateKey()) {
            return null;
        }
        int width = t.typeAt.length;
        Object[] cells = new Object[width];
        if (op != Op.UPSERT) {
            java.util.Arrays.fill(cells, Batch.UNSET);
        }
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            Integer index = t.indexBySource.get(e.getKey());
            if (index == null && (index = learnIndex(t, e.getKey())) == null) {
                return null;
            }
            int i = index;
            if (op == Op.DELETE && !t.keyAt[i]) {
                continue;
            }
            Object v = e.getValue();
            if (v != null && !t.declaredAt[i]) {
                ColumnType inferred = ValueCoercion.infer(v);
                if (inferred != t.typeAt[i] && !TypeWidening.widen(t.typeAt[i], inferred).equals(t.typeAt[i])) {
                    return null;
                }
            }
            cells[i] = coerce(v, t.schema.columns().get(i), t, op, t.name);
        }
        for (int i = 0; i < width; i++) {
            if (t.keyAt[i] && (cells[i] == null || cells[i] == Batch.UNSET)) {
                return null; // the general path names the missing key
            }
        }
        return cells;
    }

    /** Maps a source column name to its index in the current schema, or null when it is not a plain column. */
    private Integer learnIndex(TableState t, Object source) {
        if (!(source instanceof String s)) {
            return null;
        }
        String name = t.columnNames.computeIfAbsent(s, naming::column);
        int i = t.schema.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (t.indexBySource.containsValue(i)) {
            t.ambiguousSources = true;
            return null;
        }
        t.indexBySource.put(s, i);
        return i;
    }

    private void applyGeneral(TableState t, Op op, String table, Map<String, Object> raw) {
        String what = op.name().toLowerCase() + " into table '" + table + "'";
        Map<String, Object> named = name(t, raw, what);
        if (t.schema == null) {
            typeKeyFromFirstRow(t, named, what);
        }
        TableSchema schema = t.schema;
        if (schema.hasSurrogateKey()) {
            if (op == Op.UPDATE) {
                throw new ConnectorException(what + ": the table has no primary key, so rows cannot be updated "
                        + "in place; upsert the new row, or declare a primary key in schema()");
            }
            named.remove(TableSchema.FIVETRAN_ID);
            named.put(TableSchema.FIVETRAN_ID, SurrogateKey.of(named, what));
        } else {
            requireKey(schema, named, what);
        }
        if (op == Op.DELETE) {
            named.keySet().retainAll(keyNames(schema));
        }
        TableSchema evolved = evolve(t, named);
        if (!t.created) {
            create(t, evolved);
            schema = evolved;
        } else if (!evolved.equals(schema)) {
            changeSchema(t, evolved);
            schema = evolved;
        }
        Object[] cells = new Object[schema.columns().size()];
        if (op != Op.UPSERT) {
            java.util.Arrays.fill(cells, Batch.UNSET);
        }
        for (var e : named.entrySet()) {
            int c = schema.indexOf(e.getKey());
            if (c >= 0) { // a null in a column that does not exist yet has nothing to store
                cells[c] = coerce(e.getValue(), schema.columns().get(c), t, op, table);
            }
        }
        append(t, op, cells, estimate(cells));
    }

    private Map<String, Object> name(TableState t, Map<String, Object> raw, String what) {
        Map<String, Object> named = new LinkedHashMap<>(raw.size() * 2);
        Map<String, String> sources = raw.size() > 1 ? new HashMap<>() : null;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
            if (!(e.getKey() instanceof String source)) {
                throw new ConnectorException(what + ": column names must be strings, got "
                        + ValueCoercion.describe(e.getKey()));
            }
            String n = t.columnNames.computeIfAbsent(source, naming::column);
            if (n.equals(TableSchema.FIVETRAN_SYNCED) || n.equals(TableSchema.FIVETRAN_DELETED)) {
                throw new ConnectorException(what + ": column '" + source + "' is a system column that Tributary "
                        + "sets itself; remove it from the row");
            }
            if (sources != null) {
                String other = sources.put(n, source);
                if (other != null) {
                    throw new ConnectorException(what + ": columns '" + other + "' and '" + source
                            + "' are both named '" + n + "' in the destination; rename one");
                }
            }
            named.put(n, e.getValue());
        }
        return named;
    }

    private void typeKeyFromFirstRow(TableState t, Map<String, Object> named, String what) {
        DeclaredTable d = pendingDeclarations.remove(t.name);
        List<ColumnSchema> columns = new ArrayList<>();
        for (String key : t.untypedKey) {
            Object v = named.get(key);
            if (v == null) {
                pendingDeclarations.put(t.name, d);
                throw missingKey(what, key, named.containsKey(key));
            }
            ColumnType type = ValueCoercion.infer(v);
            // Keys are hard to widen later (an index depends on them): take the widest integer at once.
            if (TypeWidening.isInteger(type.type())) {
                type = ColumnType.of(DataType.LONG);
            }
            columns.add(new ColumnSchema(key, type, true));
        }
        columns.addAll(d.columns());
        t.untypedKey = List.of();
        t.setSchema(new TableSchema(t.name, orderKeysFirst(columns)));
        t.buffer = new TableBuffer(t.schema);
    }

    private static List<ColumnSchema> orderKeysFirst(List<ColumnSchema> columns) {
        List<ColumnSchema> ordered = new ArrayList<>(columns.stream().filter(ColumnSchema::primaryKey).toList());
        columns.stream().filter(c -> !c.primaryKey()).forEach(ordered::add);
        return ordered;
    }

    private static Set<String> keyNames(TableSchema schema) {
        Set<String> names = new HashSet<>();
        schema.primaryKey().forEach(c -> names.add(c.name()));
        return names;
    }

    private static void requireKey(TableSchema schema, Map<String, Object> named, String what) {
        for (ColumnSchema key : schema.primaryKey()) {
            if (named.get(key.name()) == null) {
                throw missingKey(what, key.name(), named.containsKey(key.name()));
            }
        }
    }

    private static ConnectorException missingKey(String what, String key, boolean presentButNull) {
        return new ConnectorException(what + ": primary-key column '" + key + "' is "
                + (presentButNull ? "null" : "missing") + "; every upsert, update and delete must carry the key");
    }

    private TableSchema evolve(TableState t, Map<String, Object> named) {
        TableSchema next = t.schema;
        for (var e : named.entrySet()) {
            Object v = e.getValue();
            if (v == null || v == Batch.UNSET) {
                continue;
            }
            ColumnSchema column = next.column(e.getKey());
            if (column == null) {
                next = next.withColumn(new ColumnSchema(e.getKey(), ValueCoercion.infer(v), false));
            } else if (!t.declared.contains(column.name())) {
                ColumnType widened = TypeWidening.widen(column.type(), ValueCoercion.infer(v));
                if (!widened.equals(column.type())) {
                    next = next.withType(column.name(), widened);
                }
            }
        }
        return next;
    }

    private Object coerce(Object value, ColumnSchema column, TableState t, Op op, String table) {
        try {
            return ValueCoercion.coerce(value, column.type());
        } catch (ValueCoercion.CoercionException e) {
            String what = op.name().toLowerCase() + " into table '" + table + "'";
            String advice = t.declared.contains(column.name())
                    ? "Fix the value, or change the column's type in schema()."
                    : "Fix the value.";
            throw new ConnectorException(what + ": column '" + column.name() + "' value "
                    + ValueCoercion.describe(value) + " cannot be stored as " + column.type() + ": "
                    + e.getMessage() + ". " + advice);
        }
    }

    private static long estimate(Object[] cells) {
        long bytes = ROW_OVERHEAD;
        for (Object v : cells) {
            bytes += estimate(v);
        }
        return bytes;
    }

    private static long estimate(Object v) {
        if (v == null || v == Batch.UNSET) {
            return 8;
        }
        if (v instanceof String s) {
            return 48L + 2L * s.length();
        }
        if (v instanceof byte[] b) {
            return 24L + b.length;
        }
        if (v instanceof BigDecimal) {
            return 64;
        }
        return 24;
    }

    private TableState resolve(String table, String op) {
        if (table == null || table.isBlank()) {
            throw new ConnectorException(op + ": the table name is empty; pass the name of the table");
        }
        TableState t = bySourceName.get(table);
        if (t != null) {
            return t;
        }
        String name = naming.table(table);
        t = byName.get(name);
        if (t == null) {
            t = new TableState(name);
            byName.put(name, t);
            t.setSchema(TableSchema.keyless(name));
            t.buffer = new TableBuffer(t.schema);
        }
        bySourceName.put(table, t);
        return t;
    }

    private void create(TableState t, TableSchema schema) {
        t.created = true;
        t.setSchema(schema);
        t.buffer = new TableBuffer(schema);
        put(new Command.ApplySchema(schema));
        counters.schemaChanges.incrementAndGet();
        LOG.info("schema change: created table {} ({})", schema.name(), describeColumns(schema));
    }

    private void changeSchema(TableState t, TableSchema next) {
        if (t.buffer.size() > 0) {
            write(t.buffer.drain(next, t.keys.mayRepeat()));
        } else {
            t.buffer = new TableBuffer(next);
        }
        t.setSchema(next);
        put(new Command.ApplySchema(next));
        counters.schemaChanges.incrementAndGet();
        LOG.info("schema change: table {} is now ({})", next.name(), describeColumns(next));
    }

    private static String describeColumns(TableSchema schema) {
        StringBuilder sb = new StringBuilder();
        for (ColumnSchema c : schema.columns()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.name()).append(' ').append(c.type());
        }
        return sb.toString();
    }

    private void append(TableState t, Op op, Object[] cells, long bytes) {
        if (op == Op.UPSERT) {
            t.keys.add(KeyTracker.hash(cells, t.keyAt));
        }
        t.buffer.append(op, sequence++, cells, bytes);
        bufferedBytes += bytes;
        if (t.buffer.size() >= options.maxBatchRows()) {
            flush(t);
        }
        if (bufferedBytes >= options.flushBytes()) {
            flushAll();
        }
    }

    private void flushAll() {
        for (TableState t : byName.values()) {
            flush(t);
        }
    }

    private void flush(TableState t) {
        if (t.buffer == null || t.buffer.size() == 0) {
            return;
        }
        write(t.buffer.drain(t.schema, t.keys.mayRepeat()));
    }

    private void write(Batch batch) {
        bufferedBytes -= batch.bytes();
        int permits = (int) Math.min(maxPermits, Math.max(1, batch.bytes() >> 10));
        try {
            inFlight.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting for the destination", e);
        }
        put(new Command.Write(batch, permits));
    }

    private void put(Command command) {
        queue.add(command);
    }

    private void checkOpen() {
        Throwable failure = destinationFailure;
        if (failure != null) {
            throw new ConnectorException("the sync has failed, so no more operations are accepted: "
                    + failure.getMessage(), failure);
        }
    }
}

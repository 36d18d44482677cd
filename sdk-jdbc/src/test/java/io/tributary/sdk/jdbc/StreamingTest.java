package io.tributary.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.jdbc.testing.CountingProxy;
import io.tributary.sdk.jdbc.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A read of 200,000 rows streams through a server-side cursor: the bytes the server has sent when the first row
 * reaches the handler are a small fraction of the result, and about half when half the rows have been handled. The
 * same read with fetch size 0 (pgjdbc's default) receives the whole result before the first row, which shows that the
 * measurement tells the two apart.
 */
class StreamingTest {
    private static final int ROWS = 200_000;
    private static TestPostgres.Database db;

    @BeforeAll
    static void seed() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute("CREATE TABLE big (id int PRIMARY KEY, payload text NOT NULL)",
                "INSERT INTO big SELECT g, repeat('x', 100) || g FROM generate_series(1, " + ROWS + ") g",
                "ANALYZE big");
    }

    @Test
    void theDefaultReadFetchesAThousandRowsAtATime() throws Exception {
        Fetched f = read(-1);
        assertThat(f.rows).isEqualTo(ROWS);
        assertThat(f.atFirstRow).as("bytes received before the first row, of %d", f.total).isLessThan(f.total / 50);
        assertThat((double) f.atHalf / f.total).as("share received at row %d", ROWS / 2).isBetween(0.45, 0.55);
    }

    @Test
    void withFetchSizeZeroTheDriverReceivesTheWholeResultBeforeTheFirstRow() throws Exception {
        Fetched f = read(0);
        assertThat(f.rows).isEqualTo(ROWS);
        assertThat((double) f.atFirstRow / f.total).isGreaterThan(0.99);
    }

    private record Fetched(long rows, long atFirstRow, long atHalf, long total) {
    }

    /** Reads the table through a counting proxy; fetchSize -1 keeps the read's default. */
    private static Fetched read(int fetchSize) throws Exception {
        try (CountingProxy proxy = new CountingProxy(db.port());
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"
                     + db.name(), TestPostgres.USER, TestPostgres.PASSWORD)) {
            TableRead read = TableRead.byPrimaryKey(SourceTable.describe(c, "big"));
            if (fetchSize >= 0) {
                read.fetchSize(fetchSize);
            }
            long before = proxy.bytesToClient();
            long[] marks = new long[2];
            long rows = read.read(c, read.start(), row -> {
                int id = (Integer) row.values().get("id");
                if (id == 1) {
                    marks[0] = proxy.bytesToClient() - before;
                } else if (id == ROWS / 2) {
                    marks[1] = proxy.bytesToClient() - before;
                }
            });
            return new Fetched(rows, marks[0], marks[1], proxy.bytesToClient() - before);
        }
    }
}

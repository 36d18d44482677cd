package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.Discovered.Column;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tributary api sql rewrite` with the destination names of a connection on the real server. */
class ApiSqlRewriteTest {
    private static final String SQL = """
            -- report on sales.OrderItems
            SELECT sales.OrderItems.UnitPrice * sales.OrderItems.Qty AS total, 'sales.OrderItems' AS source
            FROM sales.OrderItems
            WHERE wholesales.flag AND sales.OrderItems.Note IS NOT NULL;
            """;

    @TempDir
    static Path logs;

    @TempDir
    Path dir;

    private ApiServer api;
    private String id;

    @BeforeEach
    void start() {
        api = new ApiServer(dir.resolve("data"), logs);
        id = api.connection(api.group("Prod"), "shop", Map.of());
        api.discover(id, new Discovered.Table("sales", "sales_dw", "OrderItems", "order_items", false, List.of(
                Column.key("Id"), new Column("UnitPrice", "unit_price", false), new Column("Qty", "qty", false),
                new Column("Note", "note", false))),
                new Discovered.Table("sales", "sales_dw", "Line Items", "line_items", false, List.of(
                        new Column("Unit Price", "unit_price", false))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void rewritesFilesInPlaceAndReportsEachChange() throws Exception {
        Path report = Files.writeString(dir.resolve("report.sql"), SQL);
        Path other = Files.writeString(dir.resolve("other.sql"), "SELECT 1;\n");
        CliRun run = api.api("sql", "rewrite", id, report.toString(), other.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(report).content().isEqualTo("""
                -- report on sales.OrderItems
                SELECT sales_dw.order_items.unit_price * sales_dw.order_items.qty AS total, 'sales.OrderItems' AS source
                FROM sales_dw.order_items
                WHERE wholesales.flag AND sales_dw.order_items.note IS NOT NULL;
                """);
        assertThat(other).content().isEqualTo("SELECT 1;\n");
        assertThat(run.out()).contains(report + ": rewrote 4 names",
                "line 2: sales.OrderItems.UnitPrice → sales_dw.order_items.unit_price",
                "line 3: sales.OrderItems → sales_dw.order_items", other + ": no source names", "changed 1 of 2 files");
        Path spaced = Files.writeString(dir.resolve("spaced.sql"), "SELECT sales.\"Line Items\".\"Unit Price\" FROM x");
        assertThat(api.api("sql", "rewrite", id, spaced.toString()).exitCode()).isZero();
        assertThat(spaced).as("names that need encoding in the columns URL").content()
                .isEqualTo("SELECT sales_dw.\"line_items\".\"unit_price\" FROM x");
        CliRun again = api.api("sql", "rewrite", id, report.toString());
        assertThat(again.out()).as("destination names are not source names").contains("no source names");
    }

    @Test
    void aDryRunShowsTheChangesAndWritesNothing() throws Exception {
        Path report = Files.writeString(dir.resolve("report.sql"), SQL);
        CliRun run = api.api("sql", "rewrite", id, report.toString(), "--dry-run");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("would rewrite 4 names", "line 4: sales.OrderItems.Note → sales_dw.order_items.note",
                "would change 1 of 1 file");
        assertThat(report).content().isEqualTo(SQL);
    }

    @Test
    void failuresChangeNoFile() throws Exception {
        Path report = Files.writeString(dir.resolve("report.sql"), SQL);
        CliRun missingFile = api.api("sql", "rewrite", id, report.toString(), dir.resolve("nope.sql").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("nope.sql is not a file");
        CliRun noConnection = api.api("sql", "rewrite", "nope", report.toString());
        assertThat(noConnection.exitCode()).isEqualTo(1);
        assertThat(noConnection.err()).contains("NotFound_Connection");
        CliRun noFiles = api.api("sql", "rewrite", id);
        assertThat(noFiles.exitCode()).isEqualTo(2);
        assertThat(report).content().isEqualTo(SQL);
    }
}

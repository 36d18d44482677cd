package io.tributary.examples.extracting_data_from_pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.ForwardingOperations;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtractingDataFromPdfConnectorTest {
    private static final Instant T0 = Instant.parse("2024-04-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyInvoiceLandsWithTheFieldsOfItsPdf() throws Exception {
        writeSamples(dir);
        try (ConnectorTester tester = tester(Map.of())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(3);
            assertThat(invoices(tester)).containsExactly(SampleInvoices.globexRow(), SampleInvoices.acmeRow(),
                    SampleInvoices.initechRow());
            String text = (String) tester.query("SELECT raw_text FROM tester.invoices WHERE invoice_id = 'B-1002'")
                    .get(0).get("raw_text");
            assertThat(text).contains("Invoice No.: B-1002").contains("Total amount $2,260.55")
                    .contains("Consulting 8 100.00 800.00").endsWith("Thank you for your business.\n");
            assertThat(tester.state().toJson()).isEqualTo("{\"last_modified_time\":\"2024-04-01T09:02:00Z\","
                    + "\"last_file\":\"" + SampleInvoices.C + "\"}");
        }
    }

    @Test
    void theNextSyncReadsOnlyNewAndChangedFiles() throws Exception {
        writeSamples(dir);
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("nothing new").isZero();

            SampleInvoices.initech().write(dir.resolve("2024-04/late.pdf"), T0.plusSeconds(3600));
            InvoicePdf.standard("Invoice No. B-1002", "Invoice date: 03/15/2024", "Due date: 05/14/2024",
                            List.of(), List.<String[]>of(new String[] {"Total amount", "1,999.00"}))
                    .write(dir.resolve(SampleInvoices.B), T0.plusSeconds(7200));
            SyncOutcome next = tester.sync().assertSucceeded();

            assertThat(next.counters().upserts()).isEqualTo(2);
            Map<String, Object> corrected = invoices(tester).get(0);
            assertThat(corrected).containsEntry("invoice_id", "B-1002").containsEntry("total_amount", 1999.0)
                    .containsEntry("due_date", LocalDate.parse("2024-05-14")).containsEntry("email", null);
            assertThat(invoices(tester)).filteredOn(r -> r.get("invoice_id").equals("S-77"))
                    .extracting(r -> r.get("file_name")).as("the later file with the same invoice number wins")
                    .containsExactly("2024-04/late.pdf");
            assertThat(tester.state().getString("last_file")).isEqualTo(SampleInvoices.B);
        }
    }

    @Test
    void filesModifiedInTheSameInstantAreNeitherSkippedNorReadTwiceAcrossCheckpoints() throws Exception {
        for (int i = 1; i <= 5; i++) {
            numbered(i).write(dir.resolve("same-" + i + ".pdf"), T0);
        }
        StopsAfterCheckpoints connector = new StopsAfterCheckpoints(2);
        try (ConnectorTester tester = ConnectorTester.of(connector).configuration(config(Map.of(
                "files_per_checkpoint", "1")))) {
            tester.sync().assertFailedWith("stopped after checkpoint 2");
            assertThat(ids(tester)).containsExactly("N-1", "N-2");
            assertThat(tester.state().getString("last_file")).isEqualTo("same-2.pdf");

            connector.stopAfter = Integer.MAX_VALUE;
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(3);
            assertThat(ids(tester)).containsExactly("N-1", "N-2", "N-3", "N-4", "N-5");
        }
    }

    @Test
    void checkpointsComeEveryFilesPerCheckpointFilesAndAtTheEnd() throws Exception {
        for (int i = 1; i <= 7; i++) {
            numbered(i).write(dir.resolve("n-" + i + ".pdf"), T0.plusSeconds(i));
        }
        try (ConnectorTester tester = tester(Map.of("files_per_checkpoint", "3"))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().checkpoints()).as("after files 3 and 6, and at the end").isEqualTo(3);
            assertThat(ids(tester)).hasSize(7);
        }
    }

    @Test
    void aCorruptPdfFailsNamingItAndNothingIsLost() throws Exception {
        writeSamples(dir);
        Path broken = dir.resolve("2024-03-hooli.pdf");
        Files.write(broken, "%PDF-1.7\nthis is not a PDF body".getBytes());
        Files.setLastModifiedTime(broken, java.nio.file.attribute.FileTime.from(T0.plusSeconds(90)));
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertFailedWith("cannot extract an invoice from " + broken + ": it is not a readable PDF (")
                    .assertFailedWith("The files before it are synced; fix or remove this file, and the next sync "
                            + "goes on from there");
            assertThat(ids(tester)).containsExactly("B-1002", "INV-2024-001");
            assertThat(tester.state().getString("last_file")).isEqualTo(SampleInvoices.B);

            numbered(9).write(broken, Instant.parse("2024-05-01T00:00:00Z")); // fixed: a newer file
            SyncOutcome next = tester.sync().assertSucceeded();
            assertThat(next.counters().upserts()).as("initech, then the fixed file").isEqualTo(2);
            assertThat(ids(tester)).containsExactly("B-1002", "INV-2024-001", "N-9", "S-77");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty, as while it is still being copied", "cut short", "text, not PDF"})
    void everyKindOfBrokenFileIsNamedAndNothingIsCommitted(String kind) throws Exception {
        byte[] pdf = Files.readAllBytes(SampleInvoices.acme().write(dir.resolve("whole.pdf"), T0));
        Files.delete(dir.resolve("whole.pdf"));
        byte[] content = kind.startsWith("empty") ? new byte[0]
                : kind.startsWith("cut") ? java.util.Arrays.copyOf(pdf, pdf.length / 2) : "Invoice No. 1".getBytes();
        Path broken = Files.write(dir.resolve("broken.pdf"), content);
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertFailedWith("cannot extract an invoice from " + broken + ": it is not a readable PDF (");
            assertThat(tester.state().isEmpty()).isTrue();
            assertThat(tester.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'invoices'")
                    .get(0).get("n")).as("nothing was committed, not even the table").isEqualTo(0L);
        }
    }

    @Test
    void aPasswordProtectedPdfAndOneWithoutInvoiceNumberAreNamed() throws Exception {
        Path locked = SampleInvoices.acme().password("s3cret").write(dir.resolve("locked.pdf"), T0);
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertFailedWith("cannot extract an invoice from " + locked + ": it is password-protected; "
                    + "this connector reads PDFs that open without a password");
            assertThat(tester.state().isEmpty()).isTrue();
        }
        Files.delete(locked);
        Path letter = new InvoicePdf().page(new InvoicePdf.Text(50, 700, "Dear customer, our prices change in May."))
                .write(dir.resolve("letter.pdf"), T0);
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertFailedWith("cannot extract an invoice from " + letter + ": no invoice number was "
                    + "found in its text, so it has no value for the primary key invoices.invoice_id (the labels "
                    + "looked for are 'Invoice Serial No.', 'Invoice No.' and 'Serial No.')");
        }
    }

    @Test
    void aDateThatDoesNotExistIsLeftEmptyAndTheInvoiceStillLands() throws Exception {
        InvoicePdf.standard("Invoice No. D-1", "Invoice date: 2024-02-30", "Due date: 13/45/2024", List.of(),
                List.<String[]>of(new String[] {"Total amount", "10.00"})).write(dir.resolve("d.pdf"), T0);
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            assertThat(invoices(tester).get(0)).containsEntry("invoice_id", "D-1").containsEntry("invoice_date", null)
                    .containsEntry("due_date", null).containsEntry("total_amount", 10.0);
        }
    }

    @Test
    void subfoldersAreReadAndOtherFilesIgnored() throws Exception {
        numbered(1).write(dir.resolve("2024/05/n1.PDF"), T0);
        Files.writeString(dir.resolve("notes.txt"), "Invoice No. X-1");
        Files.createDirectories(dir.resolve("folder.pdf"));
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            assertThat(invoices(tester)).extracting(r -> r.get("file_name")).containsExactly("2024/05/n1.PDF");
        }
    }

    @Test
    void theShippedSampleInvoicesSync() {
        try (ConnectorTester tester = ConnectorTester.of(new ExtractingDataFromPdfConnector())
                .configuration(Map.of("folder", "sample_invoices"))) {
            tester.sync().assertSucceeded();
            assertThat(invoices(tester)).containsExactlyInAnyOrder(SampleInvoices.acmeRow(),
                    SampleInvoices.globexRow(), SampleInvoices.initechRow());
        }
    }

    @Test
    void configurationAndStateMistakesAreNamed() {
        try (ConnectorTester tester = tester(Map.of("folder", dir.resolve("nope").toString()))) {
            tester.sync().assertFailedWith("nope does not exist; check 'folder' in configuration.json");
        }
        try (ConnectorTester tester = tester(Map.of("files_per_checkpoint", "0"))) {
            tester.sync().assertFailedWith("configuration key 'files_per_checkpoint' must be at least 1, got 0");
        }
        try (ConnectorTester tester = tester(Map.of("files_per_checkpoint", "ten"))) {
            tester.sync().assertFailedWith("'files_per_checkpoint'");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() throws Exception {
        writeSamples(dir);
        numbered(4).write(dir.resolve("n4.pdf"), T0.plusSeconds(120)); // ties with initech, after it by name
        try (ConnectorTester tester = tester(Map.of("files_per_checkpoint", "1"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    static void writeSamples(Path folder) throws Exception {
        SampleInvoices.main(new String[] {folder.toString()});
    }

    private static InvoicePdf numbered(int n) {
        return InvoicePdf.standard("Invoice No. N-" + n, "Invoice date: 2024-03-0" + n, "", List.of(),
                List.<String[]>of(new String[] {"Total amount", n + "00.00"}));
    }

    private ConnectorTester tester(Map<String, String> overrides) {
        return ConnectorTester.of(new ExtractingDataFromPdfConnector()).configuration(config(overrides));
    }

    private Map<String, String> config(Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>(Map.of("folder", dir.toString()));
        config.putAll(overrides);
        return config;
    }

    /** The live rows without raw_text and the system columns, by invoice_id. */
    private static List<Map<String, Object>> invoices(ConnectorTester tester) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : tester.query("SELECT * EXCLUDE (raw_text, _fivetran_synced, _fivetran_deleted) "
                + "FROM tester.invoices WHERE NOT _fivetran_deleted ORDER BY invoice_id")) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.replaceAll((k, v) -> v instanceof java.sql.Date d ? d.toLocalDate() : v);
            rows.add(row);
        }
        return rows;
    }

    private static List<Object> ids(ConnectorTester tester) {
        return invoices(tester).stream().map(r -> r.get("invoice_id")).toList();
    }

    /** The real connector, stopped (as by a crash) right after its {@code stopAfter}-th checkpoint. */
    private static final class StopsAfterCheckpoints implements Connector {
        private final ExtractingDataFromPdfConnector connector = new ExtractingDataFromPdfConnector();
        volatile int stopAfter;

        StopsAfterCheckpoints(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public List<Table> schema(Configuration configuration) {
            return connector.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) throws Exception {
            int[] checkpoints = {0};
            connector.update(configuration, state, new ForwardingOperations(operations) {
                @Override
                public void checkpoint(Object newState) {
                    super.checkpoint(newState);
                    if (++checkpoints[0] == stopAfter) {
                        throw new IllegalStateException("stopped after checkpoint " + stopAfter);
                    }
                }
            });
        }
    }
}

package io.tributary.examples.extracting_data_from_pdf;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * A port of Fivetran's {@code common_patterns_for_connectors/extracting_data_from_pdf}: the PDF invoices of a folder
 * (standing in for an S3 bucket and prefix), read one at a time with PDFBox, their fields found with regular
 * expressions and upserted into {@code invoices}. The cursor is the last file's modification time (and name), so a
 * later sync reads only new and changed files; a checkpoint every {@code files_per_checkpoint} files lets a stopped
 * sync resume.
 */
public class ExtractingDataFromPdfConnector implements Connector {
    static final String TABLE = "invoices";
    static final String FOLDER = "folder";
    static final String FILES_PER_CHECKPOINT = "files_per_checkpoint";
    static final String LAST_MODIFIED = "last_modified_time";
    static final String LAST_FILE = "last_file";
    static final String DEFAULT_FOLDER = "examples/extracting_data_from_pdf/sample_invoices";
    /** The original's starting cursor: every file is newer. */
    static final Instant START = Instant.parse("1990-01-01T00:00:00Z");

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE).primaryKey("invoice_id")
                .column("invoice_id", DataType.STRING)
                .column("invoice_date", DataType.NAIVE_DATE)
                .column("due_date", DataType.NAIVE_DATE)
                .column("total_amount", DataType.DOUBLE)
                .column("address", DataType.STRING)
                .column("email", DataType.STRING)
                .column("phone", DataType.STRING)
                .column("code", DataType.STRING)
                .column("vat_code", DataType.STRING)
                .column("amount_in_words", DataType.STRING)
                .column("pages", DataType.INT)
                .column("discount", DataType.DOUBLE)
                .column("taxable_amount", DataType.DOUBLE)
                .column("tax_rate", DataType.INT)
                .column("total_taxes", DataType.DOUBLE)
                .column("shipping", DataType.DOUBLE)
                .column("raw_text", DataType.STRING)
                .column("file_name", DataType.STRING));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws IOException {
        Log.warning("Example: Common Pattern for Connectors Examples - Extracting Data from PDF");
        Path folder = Path.of(configuration.get(FOLDER, DEFAULT_FOLDER));
        int filesPerCheckpoint = configuration.getInt(FILES_PER_CHECKPOINT, 100);
        if (filesPerCheckpoint < 1) {
            throw new ConfigurationException(FILES_PER_CHECKPOINT, "configuration key '" + FILES_PER_CHECKPOINT
                    + "' must be at least 1, got " + filesPerCheckpoint);
        }
        List<InvoiceFile> files = InvoiceFile.after(folder, cursor(state), state.getString(LAST_FILE, ""));
        Log.info("Found " + files.size() + " new or changed PDF invoices in " + folder);

        int sinceCheckpoint = 0;
        for (InvoiceFile file : files) {
            Map<String, Object> row;
            try {
                row = invoice(file);
            } catch (ConnectorException e) {
                // Keep the files read so far: the next sync starts with this one.
                if (sinceCheckpoint > 0) {
                    operations.checkpoint(state);
                }
                throw e;
            }
            operations.upsert(TABLE, row);
            state.put(LAST_MODIFIED, file.modified().toString());
            state.put(LAST_FILE, file.name());
            if (++sinceCheckpoint == filesPerCheckpoint) {
                operations.checkpoint(state);
                sinceCheckpoint = 0;
            }
        }
        operations.checkpoint(state);
    }

    private static Instant cursor(State state) {
        if (!state.has(LAST_MODIFIED)) {
            return START;
        }
        try {
            return Instant.parse(state.getString(LAST_MODIFIED));
        } catch (DateTimeParseException e) {
            throw new ConnectorException("the state's '" + LAST_MODIFIED + "' is '" + state.getString(LAST_MODIFIED)
                    + "', not an ISO-8601 instant such as 2024-05-01T10:00:00Z; fix it in state.json or reset the "
                    + "connection to read every file again", e);
        }
    }

    /** The row of one file; throws, naming the file, when it cannot be read or holds no invoice number. */
    private static Map<String, Object> invoice(InvoiceFile file) {
        PdfText pdf;
        try {
            pdf = PdfText.read(file.path());
        } catch (InvalidPasswordException e) {
            throw unreadable(file, "it is password-protected; this connector reads PDFs that open without a password");
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, "it is not a readable PDF (" + e.getMessage() + ")");
        }
        Map<String, Object> row = InvoiceExtractor.extract(pdf.text(),
                warning -> Log.warning(TABLE + "." + warning + " (" + file.path() + ")"));
        if (row.get("invoice_id") == null) {
            throw unreadable(file, "no invoice number was found in its text, so it has no value for the primary key "
                    + TABLE + ".invoice_id (the labels looked for are 'Invoice Serial No.', 'Invoice No.' and "
                    + "'Serial No.')");
        }
        row.put("pages", pdf.pages());
        row.put("raw_text", pdf.text());
        row.put("file_name", file.name());
        Log.fine(file.name() + ": invoice " + row.get("invoice_id"));
        return row;
    }

    private static ConnectorException unreadable(InvoiceFile file, String reason) {
        return new ConnectorException("cannot extract an invoice from " + file.path() + ": " + reason
                + ". The files before it are synced; fix or remove this file, and the next sync goes on from there");
    }
}

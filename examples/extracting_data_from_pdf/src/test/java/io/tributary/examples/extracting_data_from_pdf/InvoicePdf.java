package io.tributary.examples.extracting_data_from_pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes real PDF invoices with PDFBox, laid out as invoices are: a title, dates side by side, a contact block,
 * an item table with ruled lines, and a totals block whose values sit in a column to the right of their labels.
 */
final class InvoicePdf {
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** Text drawn at (x, y) on a page, in points from the bottom left. */
    record Text(float x, float y, String text) {
    }

    private final List<List<Text>> pages = new ArrayList<>();
    private String userPassword;

    InvoicePdf page(Text... texts) {
        pages.add(List.of(texts));
        return this;
    }

    /** Encrypts the file so that it opens only with this password. */
    InvoicePdf password(String password) {
        this.userPassword = password;
        return this;
    }

    /** A one-page invoice in the common layout; {@code totals} are label and value pairs, top to bottom. */
    static InvoicePdf standard(String title, String leftDate, String rightDate, List<String> contact,
                               List<String[]> totals) {
        List<Text> texts = new ArrayList<>();
        texts.add(new Text(50, 780, title));
        texts.add(new Text(50, 745, leftDate));
        texts.add(new Text(330, 745, rightDate));
        float y = 710;
        for (String line : contact) {
            texts.add(new Text(50, y, line));
            y -= 16;
        }
        y -= 20;
        String[][] items = {{"Description", "Qty", "Price", "Amount"}, {"Consulting", "8", "100.00", "800.00"},
                {"Licence", "1", "200.00", "200.00"}};
        for (String[] item : items) {
            texts.add(new Text(55, y, item[0]));
            texts.add(new Text(300, y, item[1]));
            texts.add(new Text(380, y, item[2]));
            texts.add(new Text(480, y, item[3]));
            y -= 20;
        }
        y -= 20;
        for (String[] total : totals) {
            texts.add(new Text(330, y, total[0]));
            texts.add(new Text(480, y, total[1]));
            y -= 16;
        }
        return new InvoicePdf().page(texts.toArray(Text[]::new));
    }

    /** Writes the PDF and sets its modification time, the connector's cursor. */
    Path write(Path file, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file); // a new version of the file, not an edit in place
        try (PDDocument document = new PDDocument()) {
            for (List<Text> texts : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Text t : texts) {
                        content.beginText();
                        content.setFont(t.y() >= 780 ? BOLD : REGULAR, t.y() >= 780 ? 16 : 10);
                        content.newLineAtOffset(t.x(), t.y());
                        content.showText(t.text());
                        content.endText();
                    }
                    content.addRect(50, 540, 495, 60); // the item table's frame
                    content.stroke();
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(file.toFile());
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}

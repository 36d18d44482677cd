package io.tributary.examples.extracting_data_from_pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF, page after page in reading order, and its page count. */
record PdfText(String text, int pages) {

    /**
     * Reads one file; PDFBox reads it from disk as it parses, so only this document is in memory. Throws
     * {@link org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException} for a file that needs a password to open.
     */
    static PdfText read(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            // Text in visual order, so a label and the value printed to its right share a line.
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            return new PdfText(stripper.getText(document), document.getNumberOfPages());
        }
    }
}

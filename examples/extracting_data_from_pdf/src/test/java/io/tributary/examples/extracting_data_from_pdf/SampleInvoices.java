package io.tributary.examples.extracting_data_from_pdf;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Three invoices in different conventions, and the row each must become. They are also the example's shipped
 * {@code sample_invoices/}, written by {@link #main}.
 */
final class SampleInvoices {
    static final String A = "2024-03-acme.pdf";
    static final String B = "2024-03-globex.pdf";
    static final String C = "2024-03-initech.pdf";

    private SampleInvoices() {
    }

    /** European style: ISO dates, "Please pay until", decimal commas, a euro sign. */
    static InvoicePdf acme() {
        return InvoicePdf.standard("INVOICE Serial No. INV-2024-001", "Invoice date: 2024-03-01",
                "Please pay until: 2024-03-31",
                List.of("Address: 12 Harbour Street, 1100-001 Lisbon", "Email: billing@acme.example",
                        "Phone: +351 210 000 000", "Code: ACME-01", "VAT code: PT123456789",
                        "Amount in words: one thousand two hundred forty-five euros"),
                List.of(new String[] {"Total discount", "0,00"}, new String[] {"Taxable amount", "1.000,00"},
                        new String[] {"Tax rate", "23%"}, new String[] {"Total taxes", "230,00"},
                        new String[] {"Shipping", "15,00"}, new String[] {"Total amount", "1.245,00 €"}));
    }

    static Map<String, Object> acmeRow() {
        return row("INV-2024-001", "2024-03-01", "2024-03-31", 1245.0, "12 Harbour Street, 1100-001 Lisbon",
                "billing@acme.example", "+351 210 000 000", "ACME-01", "PT123456789",
                "one thousand two hundred forty-five euros", 1, 0.0, 1000.0, 23, 230.0, 15.0, A);
    }

    /** US style over two pages: month-first dates, "Due date", thousands commas, a dollar sign, no shipping. */
    static InvoicePdf globex() {
        InvoicePdf pdf = InvoicePdf.standard("Invoice No.: B-1002", "Invoice date: 03/15/2024",
                "Due date: 04/14/2024",
                List.of("Address: 500 Market St, San Francisco", "Email: ap@globex.example",
                        "Phone: (415) 555-0100", "Code: GLOBEX", "VAT code: US-99-1234567"),
                List.of(new String[] {"Total discount", "-50.00"}, new String[] {"Taxable amount", "2,100.50"},
                        new String[] {"Tax rate", "10 %"}, new String[] {"Total taxes", "210.05"},
                        new String[] {"Total amount", "$2,260.55"}));
        return pdf.page(new InvoicePdf.Text(50, 700,
                        "Amount in words: two thousand two hundred sixty dollars and fifty-five cents"),
                new InvoicePdf.Text(50, 680, "Thank you for your business."));
    }

    static Map<String, Object> globexRow() {
        return row("B-1002", "2024-03-15", "2024-04-14", 2260.55, "500 Market St, San Francisco",
                "ap@globex.example", "(415) 555-0100", "GLOBEX", "US-99-1234567",
                "two thousand two hundred sixty dollars and fifty-five cents", 2, -50.0, 2100.5, 10, 210.05, null, B);
    }

    /** A short one: "Serial No.", dates in words, only an email, and a "Total due" instead of a totals block. */
    static InvoicePdf initech() {
        return InvoicePdf.standard("Serial No. S-77", "Invoice date: March 5, 2024", "Due date: Apr 4 2024",
                List.of("Email: sales@initech.example"), List.<String[]>of(new String[] {"Total due:", "99,90"}));
    }

    static Map<String, Object> initechRow() {
        return row("S-77", "2024-03-05", "2024-04-04", 99.9, null, "sales@initech.example", null, null, null, null,
                1, null, null, null, null, null, C);
    }

    static Map<String, Object> row(String id, String invoiceDate, String dueDate, Double total, String address,
                                   String email, String phone, String code, String vatCode, String words, int pages,
                                   Double discount, Double taxable, Integer taxRate, Double taxes, Double shipping,
                                   String file) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("invoice_id", id);
        row.put("invoice_date", invoiceDate == null ? null : LocalDate.parse(invoiceDate));
        row.put("due_date", dueDate == null ? null : LocalDate.parse(dueDate));
        row.put("total_amount", total);
        row.put("address", address);
        row.put("email", email);
        row.put("phone", phone);
        row.put("code", code);
        row.put("vat_code", vatCode);
        row.put("amount_in_words", words);
        row.put("pages", pages);
        row.put("discount", discount);
        row.put("taxable_amount", taxable);
        row.put("tax_rate", taxRate);
        row.put("total_taxes", taxes);
        row.put("shipping", shipping);
        row.put("file_name", file);
        return row;
    }

    /** Writes the three samples into {@code args[0]}, a minute apart, in the order A, B, C. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Instant t = Instant.parse("2024-04-01T09:00:00Z");
        acme().write(folder.resolve(A), t);
        globex().write(folder.resolve(B), t.plusSeconds(60));
        initech().write(folder.resolve(C), t.plusSeconds(120));
    }
}

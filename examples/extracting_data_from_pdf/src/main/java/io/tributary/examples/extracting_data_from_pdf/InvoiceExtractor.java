package io.tributary.examples.extracting_data_from_pdf;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the invoice fields in the text of a PDF with labelled regular expressions, as the original's
 * {@code PDFInvoiceExtractor} does: the invoice number, invoice and due dates, contact lines, and the totals block.
 * A field that is not found is null. Extend the patterns for your own invoice layouts.
 */
final class InvoiceExtractor {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final List<Pattern> INVOICE_ID = patterns(
            "Invoice\\s*Serial\\s*No\\b\\.?\\s*[:#-]?\\s*([A-Za-z0-9.\\-/]+)",
            "Invoice\\s*No\\b\\.?\\s*[:#-]?\\s*([A-Za-z0-9.\\-/]+)",
            "Serial\\s*No\\.\\s*[:-]?\\s*([A-Za-z0-9.\\-/]+)");
    private static final String DATE = "(\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}|\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4}"
            + "|[A-Za-z]+\\.?\\s+\\d{1,2},?\\s+\\d{4})";
    private static final List<Pattern> INVOICE_DATE = patterns("Invoice\\s+date[:\\s]*" + DATE);
    private static final List<Pattern> DUE_DATE = patterns("Please\\s+pay\\s+until[:\\s]*" + DATE,
            "Due\\s+date[:\\s]*" + DATE);
    /** Used when no line starts with "Total amount" (see {@link #TOTALS}). */
    private static final List<Pattern> TOTAL_ELSEWHERE = patterns("Total\\s*amount[:\\s]*(\\d[\\d.,]*)",
            "Total\\s*due[:\\s]*(\\d[\\d.,]*)");
    private static final String AMOUNT = "[:\\s]*(?:[€$£]|EUR|USD|GBP)?\\s*(-?\\d[\\d.,]*)";
    private static final Map<String, Pattern> CONTACT = new LinkedHashMap<>();
    /** Lines of the totals block: the label starts the line and the amount follows it (after a currency, if any). */
    private static final Map<String, Pattern> TOTALS = new LinkedHashMap<>();

    static {
        CONTACT.put("address", Pattern.compile("Address[: \\t]+([^\\n]+)", FLAGS));
        CONTACT.put("email", Pattern.compile(
                "Email[:\\s]*([a-zA-Z0-9._%+\\-]{1,64}@[a-zA-Z0-9.\\-]{1,255}\\.[a-zA-Z]{2,})", FLAGS));
        CONTACT.put("phone", Pattern.compile("Phone[:\\s]*([0-9+()\\- \\t]{1,30})", FLAGS));
        // "VAT code" has its own column; the original's pattern took whichever "code" came first.
        CONTACT.put("code", Pattern.compile("(?<!VAT\\s)\\bCode[: \\t]*([0-9A-Za-z_\\-]{1,50})", FLAGS));
        CONTACT.put("vat_code", Pattern.compile("VAT\\s*code[: \\t]*([0-9A-Za-z_\\-]{1,30})", FLAGS));
        CONTACT.put("amount_in_words", Pattern.compile("Amount\\s+in\\s+words[: \\t]+([^\\n]+)", FLAGS));
        TOTALS.put("discount", Pattern.compile("^Total\\s*discount" + AMOUNT, FLAGS));
        TOTALS.put("taxable_amount", Pattern.compile("^Taxable\\s*amount" + AMOUNT, FLAGS));
        TOTALS.put("tax_rate", Pattern.compile("^Tax\\s*rate[:\\s]*(\\d{1,3})(?:[.,]\\d+)?\\s*%?", FLAGS));
        TOTALS.put("total_taxes", Pattern.compile("^Total\\s*taxes" + AMOUNT, FLAGS));
        TOTALS.put("shipping", Pattern.compile("^Shipping" + AMOUNT, FLAGS));
        TOTALS.put("total_amount", Pattern.compile("^Total\\s*amount" + AMOUNT, FLAGS));
    }

    private InvoiceExtractor() {
    }

    /**
     * The fields found in {@code text}, every column of {@code invoices} but {@code pages}, {@code raw_text} and
     * {@code file_name}. {@code warn} hears of a value found but not understood (a date that does not exist).
     */
    static Map<String, Object> extract(String text, Consumer<String> warn) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("invoice_id", first(INVOICE_ID, text));
        row.put("invoice_date", date("invoice_date", first(INVOICE_DATE, text), warn));
        row.put("due_date", date("due_date", first(DUE_DATE, text), warn));
        row.put("total_amount", number(first(TOTAL_ELSEWHERE, text)));
        CONTACT.forEach((column, pattern) -> row.put(column, group(pattern.matcher(text))));
        TOTALS.keySet().forEach(column -> row.putIfAbsent(column, null));
        Map<String, Object> totals = totals(text);
        // A "Total amount" line of the totals block wins over a total found elsewhere, as in the original.
        totals.forEach((column, value) -> {
            if (value != null) {
                row.put(column, value);
            }
        });
        return row;
    }

    private static Map<String, Object> totals(String text) {
        Map<String, Object> found = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            TOTALS.forEach((column, pattern) -> {
                Matcher m = pattern.matcher(trimmed);
                if (found.get(column) == null && m.find()) {
                    // Not a ?: expression: it would unbox the Integer and the Double to one primitive type.
                    if (column.equals("tax_rate")) {
                        found.put(column, Integer.valueOf(m.group(1)));
                    } else {
                        found.put(column, number(m.group(1)));
                    }
                }
            });
        }
        return found;
    }

    /**
     * A number as printed on an invoice, in either convention: the last "." or "," is the decimal point and the
     * others group thousands ("1,245.00" and "1.245,00" are both 1245.0). As in the original, a single separator is
     * always decimal, so "1,245" is 1.245.
     */
    static Double number(String text) {
        if (text == null) {
            return null;
        }
        boolean negative = text.strip().startsWith("-");
        // A sentence's full stop after the amount is no decimal point.
        String digits = text.replaceAll("[^\\d.,]", "").replace(',', '.').replaceAll("\\.+$", "");
        int last = digits.lastIndexOf('.');
        if (last >= 0) {
            digits = digits.substring(0, last).replace(".", "") + digits.substring(last);
        }
        try {
            return digits.isEmpty() || digits.equals(".") ? null : (negative ? -1 : 1) * Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * yyyy-mm-dd and yyyy/mm/dd; m/d/yyyy and m-d-yy with the month first (a two-digit year below 70 is 20xx); and
     * "March 5, 2024" or "Mar 5 2024". Null when absent; null and a warning when it names no real day.
     */
    static LocalDate date(String column, String text, Consumer<String> warn) {
        if (text == null) {
            return null;
        }
        try {
            String[] p = text.split("[-/,.\\s]+");
            if (p[0].matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            if (p[0].matches("\\d{1,2}")) {
                int year = Integer.parseInt(p[2]);
                year = p[2].length() <= 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
                return LocalDate.of(year, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
            return LocalDate.of(Integer.parseInt(p[2]), month(p[0]), Integer.parseInt(p[1]));
        } catch (DateTimeException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            warn.accept(column + " '" + text + "' is not a date this extractor reads; it is left empty");
            return null;
        }
    }

    private static Month month(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (upper.length() >= 3 && m.name().startsWith(upper)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no month " + name);
    }

    private static String first(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            String v = group(p.matcher(text));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String group(Matcher m) {
        if (!m.find()) {
            return null;
        }
        String v = m.group(1).strip();
        return v.isEmpty() ? null : v;
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile(r, FLAGS)).toList();
    }
}

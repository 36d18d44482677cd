package io.tributary.examples.extracting_data_from_pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The field rules on text alone, for the cases a generated PDF does not reach. */
class InvoiceExtractorTest {
    private final List<String> warnings = new ArrayList<>();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "1,245.00|1245.0", "1.245,00|1245.0", "12,50|12.5", "1.234.567,89|1234567.89", "1 000.5|1000.5",
            "99|99.0", "-50.00|-50.0", "1,245.00.|1245.0",
            "1,245|1.245" // as in the original: a single separator is a decimal point
    })
    void numbersInEitherConvention(String text, double expected) {
        assertThat(InvoiceExtractor.number(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "2024-03-01|2024-03-01", "2024/3/1|2024-03-01", "03/15/2024|2024-03-15", "3-5-24|2024-03-05",
            "12/31/99|1999-12-31", "March 5, 2024|2024-03-05", "Sept 30 2024|2024-09-30", "dec. 1, 2024|2024-12-01"
    })
    void datesInTheFormsTheOriginalReads(String text, String expected) {
        assertThat(InvoiceExtractor.date("invoice_date", text, warnings::add)).isEqualTo(LocalDate.parse(expected));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDateThatDoesNotExistIsNullWithAWarningNamingTheColumn() {
        assertThat(InvoiceExtractor.date("due_date", "Smarch 5, 2024", warnings::add)).isNull();
        assertThat(warnings)
                .containsExactly("due_date 'Smarch 5, 2024' is not a date this extractor reads; it is left empty");
    }

    @Test
    void vatCodeAndCodeAreKeptApart() {
        Map<String, Object> row = extract("Invoice No. 7\nVAT code: PT123\nPostcode 1100\nCode: C-9");
        assertThat(row).containsEntry("vat_code", "PT123").containsEntry("code", "C-9");
    }

    @Test
    void aTotalsLabelNeedsItsAmountRightAfterIt() {
        Map<String, Object> row = extract("Invoice No. 7\nShipping address: 12 Main St\nShipping: EUR 15,00\n"
                + "Tax rate (reduced) 6%\nTax rate: 6 %\nTotal taxes: € 3,00");
        assertThat(row).containsEntry("shipping", 15.0).containsEntry("tax_rate", 6).containsEntry("total_taxes", 3.0);
    }

    @Test
    void aTotalAmountLineOfTheTotalsBlockWinsOverATotalElsewhere() {
        assertThat(extract("Invoice No. 7\nTotal due: 10.00\n  Total amount 12.00 EUR"))
                .containsEntry("total_amount", 12.0);
        assertThat(extract("Invoice No. 7\nTotal due: 10.00")).containsEntry("total_amount", 10.0);
        assertThat(extract("Invoice No. 7\nGrand Total amount: 11.00")).as("not at a line start")
                .containsEntry("total_amount", 11.0);
    }

    @Test
    void invoiceNumbersByTheOriginalsLabelsInItsOrder() {
        assertThat(extract("Serial No. S-1\nInvoice No. I-2").get("invoice_id")).isEqualTo("I-2");
        assertThat(extract("Invoice Serial No.: 2024/07\nInvoice No. I-2").get("invoice_id")).isEqualTo("2024/07");
        assertThat(extract("Invoice #: 31").get("invoice_id")).isNull();
        assertThat(extract("Invoice Notes: paid").get("invoice_id")).as("'No' must be a word").isNull();
    }

    @Test
    void missingFieldsAreNull() {
        Map<String, Object> row = extract("Invoice No. 7");
        assertThat(row).containsOnlyKeys("invoice_id", "invoice_date", "due_date", "total_amount", "address", "email",
                "phone", "code", "vat_code", "amount_in_words", "discount", "taxable_amount", "tax_rate",
                "total_taxes", "shipping");
        assertThat(row.values()).containsOnly("7", null);
    }

    private Map<String, Object> extract(String text) {
        return InvoiceExtractor.extract(text, warnings::add);
    }
}

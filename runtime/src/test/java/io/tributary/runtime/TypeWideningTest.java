package io.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.values.TypeWidening;
import io.tributary.sdk.ColumnType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeWideningTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "SHORT | INT | INT",
            "INT | LONG | LONG",
            "LONG | SHORT | LONG",
            "INT | DOUBLE | DOUBLE",
            "FLOAT | DOUBLE | DOUBLE",
            "LONG | DECIMAL(10,2) | DECIMAL(21,2)",
            "DECIMAL(5,2) | DECIMAL(10,0) | DECIMAL(12,2)",
            "DECIMAL(30,10) | DECIMAL(30,0) | DOUBLE",
            "DECIMAL(10,2) | DOUBLE | DOUBLE",
            "NAIVE_DATE | NAIVE_DATETIME | NAIVE_DATETIME",
            "NAIVE_DATETIME | UTC_DATETIME | UTC_DATETIME",
            "NAIVE_DATE | UTC_DATETIME | UTC_DATETIME",
            "INT | STRING | STRING",
            "BOOLEAN | INT | STRING",
            "JSON | STRING | STRING",
            "BINARY | STRING | STRING",
            "XML | STRING | STRING",
            "NAIVE_TIME | NAIVE_DATE | STRING",
            "STRING | STRING | STRING",
    })
    void widensToTheNarrowestLosslessType(String a, String b, String expected) {
        ColumnType x = ColumnType.parse(a);
        ColumnType y = ColumnType.parse(b);
        assertThat(TypeWidening.widen(x, y)).hasToString(expected);
        assertThat(TypeWidening.widen(y, x)).as("symmetric").hasToString(expected);
    }
}

package io.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.runtime.values.ValueCoercion;
import io.tributary.runtime.values.ValueCoercion.CoercionException;
import io.tributary.sdk.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueCoercionTest {

    private static Object coerce(Object v, String type) throws CoercionException {
        return ValueCoercion.coerce(v, ColumnType.parse(type));
    }

    @Test
    void declaredTypesAcceptTheirJavaTypesAndText() throws Exception {
        assertThat(coerce("true", "BOOLEAN")).isEqualTo(true);
        assertThat(coerce(0, "BOOLEAN")).isEqualTo(false);
        assertThat(coerce(15, "SHORT")).isEqualTo((short) 15);
        assertThat(coerce("42", "INT")).isEqualTo(42);
        assertThat(coerce(3.0, "LONG")).isEqualTo(3L);
        assertThat(coerce(132353453453635L, "LONG")).isEqualTo(132353453453635L);
        assertThat(coerce("105.34", "DECIMAL(10,2)")).isEqualTo(new BigDecimal("105.34"));
        assertThat(coerce(7, "DECIMAL(10,2)")).isEqualTo(new BigDecimal("7.00"));
        assertThat(coerce(10.4, "FLOAT")).isEqualTo(10.4f);
        assertThat(coerce("1e-4", "DOUBLE")).isEqualTo(1e-4);
        assertThat(coerce("NaN", "DOUBLE")).isEqualTo(Double.NaN);
        assertThat(coerce("2007-12-03", "NAIVE_DATE")).isEqualTo(LocalDate.of(2007, 12, 3));
        assertThat(coerce("2007-12-03T10:15:30", "NAIVE_DATETIME")).isEqualTo(LocalDateTime.of(2007, 12, 3, 10, 15, 30));
        assertThat(coerce("2007-12-03 10:15:30.5", "NAIVE_DATETIME"))
                .isEqualTo(LocalDateTime.of(2007, 12, 3, 10, 15, 30, 500_000_000));
        assertThat(coerce("2007-12-03T10:15:30.123Z", "UTC_DATETIME")).isEqualTo(Instant.parse("2007-12-03T10:15:30.123Z"));
        assertThat(coerce("2007-12-03T12:15:30+02:00", "UTC_DATETIME")).isEqualTo(Instant.parse("2007-12-03T10:15:30Z"));
        assertThat(coerce(OffsetDateTime.of(2007, 12, 3, 12, 0, 0, 0, ZoneOffset.ofHours(2)), "UTC_DATETIME"))
                .isEqualTo(Instant.parse("2007-12-03T10:00:00Z"));
        assertThat(coerce(LocalDate.of(2007, 12, 3), "UTC_DATETIME")).isEqualTo(Instant.parse("2007-12-03T00:00:00Z"));
        assertThat(coerce("10:15:30", "NAIVE_TIME")).isEqualTo(LocalTime.of(10, 15, 30));
        assertThat(coerce(new byte[] {0, 1, 2, 3}, "BINARY")).isEqualTo(new byte[] {0, 1, 2, 3});
        assertThat(coerce("<tag>x</tag>", "XML")).isEqualTo("<tag>x</tag>");
        assertThat(coerce(12, "STRING")).isEqualTo("12");
        assertThat(coerce(Map.of("a", 10), "JSON")).isEqualTo("{\"a\":10}");
        assertThat(coerce("{\"a\": 10}", "JSON")).isEqualTo("{\"a\": 10}");
        assertThat(coerce("plain", "JSON")).isEqualTo("\"plain\"");
        assertThat(coerce(List.of(1, 2), "JSON")).isEqualTo("[1,2]");
    }

    @Test
    void valuesThatDoNotFitSayWhy() {
        assertThatThrownBy(() -> coerce("abc", "INT")).hasMessage("not a whole number");
        assertThatThrownBy(() -> coerce(1.5, "LONG")).hasMessage("has a fraction");
        assertThatThrownBy(() -> coerce(70000, "SHORT")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> coerce("yes", "BOOLEAN")).hasMessage("expected true/false");
        assertThatThrownBy(() -> coerce("12345.6", "DECIMAL(5,2)")).hasMessageContaining("more than 3 digits");
        assertThatThrownBy(() -> coerce("03/12/2007", "NAIVE_DATE")).hasMessageContaining("ISO date");
        assertThatThrownBy(() -> coerce("soon", "UTC_DATETIME")).hasMessageContaining("ISO timestamp");
        assertThatThrownBy(() -> coerce("AAEC", "BINARY")).hasMessageContaining("byte[]");
        assertThatThrownBy(() -> coerce(5, "XML")).hasMessageContaining("String");
    }

    @Test
    void inferenceFollowsJavaTypes() {
        assertThat(ValueCoercion.infer(null)).isNull();
        assertThat(ValueCoercion.infer(true)).hasToString("BOOLEAN");
        assertThat(ValueCoercion.infer(1)).hasToString("INT");
        assertThat(ValueCoercion.infer(1L)).hasToString("LONG");
        assertThat(ValueCoercion.infer((short) 1)).hasToString("SHORT");
        assertThat(ValueCoercion.infer(1.5)).hasToString("DOUBLE");
        assertThat(ValueCoercion.infer(1.5f)).hasToString("FLOAT");
        assertThat(ValueCoercion.infer(new BigDecimal("105.34"))).hasToString("DECIMAL(5,2)");
        assertThat(ValueCoercion.infer(new BigInteger("123456789012345678901234567890"))).hasToString("DECIMAL(30,0)");
        assertThat(ValueCoercion.infer(LocalDate.now())).hasToString("NAIVE_DATE");
        assertThat(ValueCoercion.infer(LocalDateTime.now())).hasToString("NAIVE_DATETIME");
        assertThat(ValueCoercion.infer(Instant.now())).hasToString("UTC_DATETIME");
        assertThat(ValueCoercion.infer(LocalTime.now())).hasToString("NAIVE_TIME");
        assertThat(ValueCoercion.infer(new byte[1])).hasToString("BINARY");
        assertThat(ValueCoercion.infer(Map.of())).hasToString("JSON");
        assertThat(ValueCoercion.infer(List.of())).hasToString("JSON");
        assertThat(ValueCoercion.infer("2024-01-01")).hasToString("STRING");
    }
}

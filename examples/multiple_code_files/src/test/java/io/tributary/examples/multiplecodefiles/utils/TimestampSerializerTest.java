package io.tributary.examples.multiplecodefiles.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampSerializerTest {

    @ParameterizedTest
    @CsvSource({
            "2024/09/24 14:30:45, 2024-09-24T14:30:45+00:00",
            "2024-09-24 10:30:45, 2024-09-24T10:30:45+00:00",
            "2024/02/29 00:00:00, 2024-02-29T00:00:00+00:00",
            "1999-12-31 23:59:59, 1999-12-31T23:59:59+00:00"})
    void bothSourceFormatsBecomeIsoUtc(String source, String expected) {
        assertThat(TimestampSerializer.serialize(source)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "24.09.2024 14:30:45",       // another format
            "2024-09-24T14:30:45",       // ISO already, but not one of the two source formats
            "2024/09/24",                // no time
            "2023-02-29 10:00:00",       // no such day
            "2024/09/24 25:00:00",       // no such hour
            ""})
    void otherTextIsRejectedNamingTheValue(String source) {
        assertThatThrownBy(() -> TimestampSerializer.serialize(source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Timestamp format not recognized: " + source + " (expected");
    }

    @ParameterizedTest
    @NullSource
    void nullIsRejected(String source) {
        assertThatThrownBy(() -> TimestampSerializer.serialize(source))
                .hasMessageStartingWith("Timestamp format not recognized: null");
    }
}

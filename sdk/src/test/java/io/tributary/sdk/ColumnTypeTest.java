package io.tributary.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnTypeTest {
    @Test
    void parsesEveryTypeCaseInsensitively() {
        for (DataType t : DataType.values()) {
            String spec = t == DataType.DECIMAL ? "decimal( 12 , 3 )" : t.name().toLowerCase();
            ColumnType parsed = ColumnType.parse(spec);
            assertThat(parsed.type()).isEqualTo(t);
        }
        assertThat(ColumnType.parse("DECIMAL(12,3)")).isEqualTo(ColumnType.decimal(12, 3)).hasToString("DECIMAL(12,3)");
        assertThat(ColumnType.of(DataType.INT)).isSameAs(ColumnType.parse("INT"));
    }

    @Test
    void rejectsWhatIsNotAType() {
        assertThatThrownBy(() -> ColumnType.parse("DECIMAL")).hasMessageContaining("DECIMAL(p,s)");
        assertThatThrownBy(() -> ColumnType.parse("VARCHAR")).hasMessageContaining("unknown column type 'VARCHAR'");
        assertThatThrownBy(() -> ColumnType.decimal(39, 2)).hasMessageContaining("1..38");
        assertThatThrownBy(() -> ColumnType.decimal(5, 6)).hasMessageContaining("scale must be 0..5");
        assertThatThrownBy(() -> ColumnType.parse(" ")).hasMessageContaining("required");
    }
}

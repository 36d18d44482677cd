package io.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.runtime.schema.DeclaredTable;
import io.tributary.runtime.schema.Naming;
import io.tributary.runtime.schema.SchemaValidator;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    @Test
    void namesTablesAndColumnsAndPutsTheKeyFirst() {
        List<DeclaredTable> tables = SchemaValidator.validate(List.of(
                Table.named("userProfiles").primaryKey("userId").column("displayName", DataType.STRING)
                        .column("userId", "long").decimal("balance", 12, 2)), Naming.FIVETRAN);
        DeclaredTable t = tables.get(0);
        assertThat(t.name()).isEqualTo("user_profiles");
        assertThat(t.columns()).extracting(c -> c.name() + " " + c.type() + (c.primaryKey() ? " pk" : ""))
                .containsExactly("user_id LONG pk", "display_name STRING", "balance DECIMAL(12,2)");
        assertThat(t.untypedKey()).isEmpty();
    }

    @Test
    void aKeyWithoutDeclaredTypeIsTypedByTheFirstRow() {
        DeclaredTable t = SchemaValidator.validate(List.of(Table.named("t").primaryKey("id")), Naming.FIVETRAN).get(0);
        assertThat(t.untypedKey()).containsExactly("id");
        assertThat(t.hasPrimaryKey()).isTrue();
    }

    @Test
    void rejectsADuplicateTable() {
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("users"), Table.named("users")), Naming.FIVETRAN))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("table 'users' is declared twice");
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("userX"), Table.named("user_x")), Naming.FIVETRAN))
                .hasMessageContaining("both are named 'user_x'");
    }

    @Test
    void rejectsAnUnknownType() {
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("t").column("a", "INTEGR")), Naming.FIVETRAN))
                .hasMessageContaining("table 't' column 'a': unknown column type 'INTEGR'")
                .hasMessageContaining("UTC_DATETIME");
    }

    @Test
    void rejectsDecimalWithoutPrecision() {
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("t").column("amount", "DECIMAL")), Naming.FIVETRAN))
                .hasMessageContaining("column 'amount': DECIMAL needs a precision and a scale");
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("t").column("amount", DataType.DECIMAL)), Naming.FIVETRAN))
                .hasMessageContaining("DECIMAL(p,s)");
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("t").decimal("amount", 40, 2)), Naming.FIVETRAN))
                .hasMessageContaining("precision must be 1..38");
    }

    @Test
    void rejectsBadKeysAndNames() {
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named(" ")), Naming.FIVETRAN))
                .hasMessageContaining("table #1 has no name");
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("t").primaryKey("id", "id")), Naming.FIVETRAN))
                .hasMessageContaining("lists primary-key column 'id' twice");
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("t").primaryKey("")), Naming.FIVETRAN))
                .hasMessageContaining("empty primary-key column name");
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("t").column("_fivetran_deleted", "BOOLEAN")), Naming.FIVETRAN))
                .hasMessageContaining("reserved for a system column");
        assertThatThrownBy(() -> SchemaValidator.validate(List.of(Table.named("t").column("userId", "INT").column("user_id", "INT")), Naming.FIVETRAN))
                .hasMessageContaining("columns 'userId' and 'user_id' are both named 'user_id'");
    }
}

package io.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.schema.Naming;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

    @ParameterizedTest
    @CsvSource({
            "userId, user_id",
            "Column_2, column_2",
            "v2Name, v_2_name",
            "already_snake, already_snake",
            "HTTPStatus, httpstatus",
            "first name, first_name",
            "Ünïcödé, unicode",
            "$price, _price",
            "a--b, a_b",
            "order, _order",
            "select, _select",
            "2fa, 2_fa",
    })
    void columnsFollowFivetranNaming(String source, String expected) {
        assertThat(Naming.FIVETRAN.column(source)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"_users, users", "__Events, events", "userProfiles, user_profiles", "_1x, _1_x"})
    void tablesDropLeadingUnderscoresBeforeALetter(String source, String expected) {
        assertThat(Naming.FIVETRAN.table(source)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"userId", "Column_2", "order"})
    void sourceNamingKeepsNames(String name) {
        assertThat(Naming.SOURCE.column(name)).isEqualTo(name);
        assertThat(Naming.SOURCE.table(name)).isEqualTo(name);
    }
}

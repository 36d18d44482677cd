package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResetAndInspectTest {
    @TempDir
    Path dir;

    @Test
    void inspectListsTablesAndRowsAndResetStartsOver() throws Exception {
        Path p = Projects.withConnector(dir.resolve("demo"), "Demo", Projects.THREE_ITEMS);
        assertThat(CliRun.of("debug", p.toString()).exitCode()).isZero();

        CliRun tables = CliRun.of("inspect", p.toString());
        assertThat(tables.out()).contains("table | rows | deleted").contains("items | 3    | 0");
        CliRun rows = CliRun.of("inspect", p.toString(), "items", "--limit", "2");
        assertThat(rows.out()).contains("id | greeting | _fivetran_synced").contains("(2 rows)");
        CliRun unknown = CliRun.of("inspect", p.toString(), "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no table 'nope' in schema tester; tables: [items]");

        CliRun reset = CliRun.of("reset", p.toString(), "--yes");
        assertThat(reset.exitCode()).isZero();
        assertThat(p.resolve("files")).doesNotExist();
        assertThat(CliRun.of("inspect", p.toString()).err()).contains("run `tributary debug` first");
        assertThat(CliRun.of("debug", p.toString()).out()).contains("previous state: {}");
    }
}

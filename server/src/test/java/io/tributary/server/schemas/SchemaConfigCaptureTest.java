package io.tributary.server.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The capture rule: what a capture of the source does to a config, per schema_change_handling. */
class SchemaConfigCaptureTest {
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-01-02T00:00:00Z");

    private static SchemaConfig capturedOnce(SchemaChangeHandling handling) {
        SchemaConfig config = SchemaConfig.fresh("c", SchemaChangeHandling.ALLOW_ALL);
        config.capture(List.of(Discovered.Table.of("shop", "orders", Discovered.Column.key("id"),
                Discovered.Column.of("amount"))), FIRST);
        config.handling(handling);
        return config;
    }

    /** A second capture brings a new schema, a new table in the known schema and a new column in a known table. */
    private static List<Discovered.Table> grown() {
        return List.of(
                Discovered.Table.of("shop", "orders", Discovered.Column.key("id"), Discovered.Column.of("amount"),
                        Discovered.Column.of("coupon")),
                Discovered.Table.of("shop", "refunds", Discovered.Column.key("id"), Discovered.Column.of("reason")),
                Discovered.Table.of("crm", "leads", Discovered.Column.of("email")));
    }

    @ParameterizedTest
    @CsvSource({
            "ALLOW_ALL,     true,  true,  true",
            "ALLOW_COLUMNS, false, false, true",
            "BLOCK_ALL,     false, false, false"})
    void newObjectsFollowTheHandlingAndKnownOnesKeepTheirState(SchemaChangeHandling handling, boolean newSchema,
                                                               boolean newTable, boolean newColumn) {
        SchemaConfig config = capturedOnce(handling);
        config.schema("shop").table("orders").column("amount").enabled(false);
        config.schema("shop").table("orders").column("amount").markUserSet();

        config.capture(grown(), SECOND);

        assertThat(config.schema("crm").enabled()).as("new schema").isEqualTo(newSchema);
        assertThat(config.schema("crm").table("leads").enabled()).as("table of a new schema").isEqualTo(newTable);
        assertThat(config.schema("shop").table("refunds").enabled()).as("new table").isEqualTo(newTable);
        assertThat(config.schema("shop").table("orders").column("coupon").enabled()).as("new column").isEqualTo(newColumn);
        assertThat(config.schema("shop").table("refunds").column("reason").enabled()).as("column of a new table")
                .isEqualTo(newColumn);
        assertThat(config.schema("crm").table("leads").column("email").userSet()).isFalse();

        assertThat(config.schema("shop").enabled()).as("known schema").isTrue();
        assertThat(config.schema("shop").table("orders").enabled()).as("known table").isTrue();
        assertThat(config.schema("shop").table("orders").column("amount").enabled()).as("user's exclusion").isFalse();
        assertThat(config.capturedAt()).isEqualTo(SECOND);
    }

    @Test
    void primaryKeysAreAlwaysSyncedAndLocked() {
        SchemaConfig config = capturedOnce(SchemaChangeHandling.BLOCK_ALL);
        config.capture(grown(), SECOND);
        SchemaConfig.Column key = config.schema("shop").table("refunds").column("id");
        assertThat(key.enabled()).as("a new key column under BLOCK_ALL").isTrue();
        assertThat(key.primaryKey()).isTrue();
        assertThat(key.lock()).isEqualTo(Lock.PRIMARY_KEY);
        assertThat(config.lockOf(key.lock(), key.inSource())).isEqualTo(Lock.PRIMARY_KEY);
        SchemaConfig.Column plain = config.schema("shop").table("orders").column("amount");
        assertThat(plain.primaryKey()).isFalse();
        assertThat(config.lockOf(plain.lock(), plain.inSource())).isNull();
    }

    @Test
    void aSetUpExclusionOfAKeyIsIgnoredAndOtherSettingsApply() {
        SchemaConfig config = SchemaConfig.fresh("c", SchemaChangeHandling.BLOCK_ALL);
        SchemaConfig.Schema shop = config.addSchema(new SchemaConfig.Schema("shop", "shop", true, false));
        SchemaConfig.Table orders = shop.addTable(new SchemaConfig.Table("orders", "orders", true, null, true, false,
                null, false));
        orders.addColumn(new SchemaConfig.Column("id", "id", false, false, null, null, true, false));
        orders.addColumn(new SchemaConfig.Column("amount", "amount", true, true, null, null, true, false));

        config.capture(grown(), FIRST);

        assertThat(orders.column("id").enabled()).as("keys cannot be excluded").isTrue();
        assertThat(orders.column("amount").hashed()).as("set up before the capture").isTrue();
        assertThat(orders.column("amount").enabled()).isTrue();
        assertThat(orders.column("coupon").enabled()).as("not set up: new, blocked").isFalse();
        assertThat(shop.table("refunds").enabled()).isFalse();
        assertThat(orders.enabled()).isTrue();
    }

    @Test
    void objectsMissingFromALaterCaptureAreMarkedDeletedAndComeBack() {
        SchemaConfig config = SchemaConfig.fresh("c", SchemaChangeHandling.ALLOW_ALL);
        config.capture(grown(), FIRST);
        config.capture(List.of(Discovered.Table.of("shop", "orders", Discovered.Column.key("id"))), SECOND);

        SchemaConfig.Table refunds = config.schema("shop").table("refunds");
        assertThat(refunds).as("kept").isNotNull();
        assertThat(config.lockOf(refunds.lock(), refunds.inSource())).isEqualTo(Lock.DELETED);
        SchemaConfig.Column coupon = config.schema("shop").table("orders").column("coupon");
        assertThat(config.lockOf(coupon.lock(), coupon.inSource())).isEqualTo(Lock.DELETED);
        assertThat(config.lockOf(null, config.schema("crm").inSource())).isEqualTo(Lock.DELETED);

        config.capture(grown(), SECOND);
        assertThat(config.lockOf(refunds.lock(), refunds.inSource())).isNull();
    }

    @Test
    void syncModeAppearsOnlyWhereTheSourceCanSwitchIt() {
        SchemaConfig config = SchemaConfig.fresh("c", SchemaChangeHandling.ALLOW_ALL);
        config.capture(List.of(new Discovered.Table("db", "db", "events", "events", true,
                        List.of(Discovered.Column.key("id"))),
                Discovered.Table.of("db", "plain", Discovered.Column.key("id"))), FIRST);
        assertThat(config.schema("db").table("events").syncMode()).isEqualTo(SyncMode.SOFT_DELETE);
        assertThat(config.schema("db").table("plain").syncMode()).isNull();

        config.schema("db").table("events").syncMode(SyncMode.HISTORY);
        config.capture(List.of(new Discovered.Table("db", "db", "events", "events", true,
                List.of(Discovered.Column.key("id")))), SECOND);
        assertThat(config.schema("db").table("events").syncMode()).as("kept").isEqualTo(SyncMode.HISTORY);
    }

    @Test
    void destinationNamesComeFromTheCapture() {
        SchemaConfig config = SchemaConfig.fresh("c", SchemaChangeHandling.ALLOW_ALL);
        config.capture(List.of(new Discovered.Table("Sales", "sales", "OrderLines", "order_lines", false,
                List.of(new Discovered.Column("lineId", "line_id", true)))), FIRST);
        assertThat(config.schema("Sales").nameInDestination()).isEqualTo("sales");
        assertThat(config.schema("Sales").table("OrderLines").nameInDestination()).isEqualTo("order_lines");
        assertThat(config.schema("Sales").table("OrderLines").column("lineId").nameInDestination()).isEqualTo("line_id");
    }

    @Test
    void aCaptureNamesEveryObjectWithinTheStoresLimits() {
        String tooLong = "x".repeat(SchemaConfig.MAX_NAME + 1);
        assertThatThrownBy(() -> Discovered.Table.of("shop", tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table");
        assertThatThrownBy(() -> Discovered.Column.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Discovered.Table.of("shop", "x".repeat(SchemaConfig.MAX_NAME)).table()).hasSize(SchemaConfig.MAX_NAME);
    }
}

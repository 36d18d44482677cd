package io.tributary.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.client.SchemaConfig;
import io.tributary.client.SchemaConfig.Column;
import io.tributary.client.SchemaConfig.Schema;
import io.tributary.client.SchemaConfig.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlRenamerTest {
    private final List<String> fetched = new ArrayList<>();

    private static Table table(String dest) {
        return new Table(dest, true, null, true, false, null, Map.of());
    }

    private static Column column(String dest) {
        return new Column(dest, true, false, null, null);
    }

    private SqlRenamer renamer() {
        Map<String, Table> sales = new LinkedHashMap<>();
        sales.put("OrderItems", table("order_items"));
        sales.put("customers", table("customers_v2"));
        Map<String, Table> mixed = new LinkedHashMap<>();
        mixed.put("Weird\"Name", table("weird name"));
        mixed.put("Plain", table("plain table"));
        SchemaConfig config = new SchemaConfig("ALLOW_ALL", true, false, Map.of(
                "sales", new Schema("sales_dw", true, sales),
                "crm", new Schema("crm", true, Map.of("customers", table("crm_customers"))),
                "Mixed", new Schema("mixed", true, mixed)));
        Map<String, Map<String, Column>> columns = Map.of(
                "sales.OrderItems", Map.of("UnitPrice", column("unit_price"), "Qty", column("qty")),
                "sales.customers", Map.of("id", column("id"), "Name", column("name")),
                "crm.customers", Map.of("id", column("id")));
        return new SqlRenamer(new DestinationNames(config, (schema, tableName) -> {
            fetched.add(schema + "." + tableName);
            return columns.getOrDefault(schema + "." + tableName, Map.of());
        }));
    }

    private String rewrite(String sql) {
        return renamer().rewrite(sql).text();
    }

    @Test
    void rewritesWholeQualifiedNamesButNotCommentsStringsOrOtherWords() {
        String sql = """
                -- sales.OrderItems is read here
                SELECT sales.OrderItems.UnitPrice, OrderItems.Qty, 'sales.OrderItems' AS label, salesman.name,
                       wholesales.x, sales_total, c.id, f(sales).sales
                FROM sales.OrderItems JOIN sales.customers c ON c.id = sales.OrderItems.customer_id
                /* sales.customers
                   stays as written */
                WHERE analytics.sales.OrderItems.Qty > 0;
                USE sales;""";
        SqlRenamer.Result result = renamer().rewrite(sql);
        assertThat(result.text()).isEqualTo("""
                -- sales.OrderItems is read here
                SELECT sales_dw.order_items.unit_price, order_items.qty, 'sales.OrderItems' AS label, salesman.name,
                       wholesales.x, sales_total, c.id, f(sales_dw).sales
                FROM sales_dw.order_items JOIN sales_dw.customers_v2 c ON c.id = sales_dw.order_items.customer_id
                /* sales.customers
                   stays as written */
                WHERE analytics.sales_dw.order_items.qty > 0;
                USE sales_dw;""");
        assertThat(result.changes()).extracting(SqlRenamer.Change::line).containsExactly(2, 2, 3, 4, 4, 4, 7, 8);
        assertThat(result.changes().get(0)).isEqualTo(new SqlRenamer.Change(2, "sales.OrderItems.UnitPrice",
                "sales_dw.order_items.unit_price"));
    }

    @Test
    void unquotedNamesMatchIgnoringCaseAndQuotedOnesExactlyKeepingTheirQuotes() {
        assertThat(rewrite("select * from SALES.orderitems")).isEqualTo("select * from sales_dw.order_items");
        assertThat(rewrite("select * from \"SALES\".\"orderitems\"")).isEqualTo("select * from \"SALES\".\"orderitems\"");
        assertThat(rewrite("select * from \"Mixed\".\"Weird\"\"Name\"")).isEqualTo("select * from \"mixed\".\"weird name\"");
        assertThat(rewrite("select * from Mixed.Plain")).as("quoted where the new name needs it")
                .isEqualTo("select * from mixed.\"plain table\"");
        assertThat(rewrite("select * from `sales`.`OrderItems`")).isEqualTo("select * from `sales_dw`.`order_items`");
        assertThat(rewrite("select 'it''s sales.OrderItems', sales.customers.Name"))
                .isEqualTo("select 'it''s sales.OrderItems', sales_dw.customers_v2.name");
    }

    @Test
    void anAmbiguousTableIsLeftAloneAndColumnsAreFetchedOnlyForTablesUsed() {
        assertThat(rewrite("select customers.id, crm.customers.id from crm.customers"))
                .as("customers is in two schemas: which one depends on the query")
                .isEqualTo("select customers.id, crm.crm_customers.id from crm.crm_customers");
        assertThat(fetched).containsExactly("crm.customers");
        assertThat(renamer().rewrite("select 1.5, x.y from t /* unterminated sales").changes()).isEmpty();
    }
}

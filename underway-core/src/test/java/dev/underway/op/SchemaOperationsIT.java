package dev.underway.op;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.one;
import static dev.underway.op.VersionedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Table, index, constraint and raw SQL operations, table-driven like {@link ColumnOperationsIT}. */
class SchemaOperationsIT {
    static final String SHOP = """
            CREATE TABLE customers (id int PRIMARY KEY, email text);
            CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total int, CONSTRAINT total_positive CHECK (total > 0));
            CREATE INDEX orders_total ON orders (total);
            INSERT INTO customers VALUES (1, 'a@x'), (2, 'b@x');
            INSERT INTO orders VALUES (10, 1, 5), (11, 2, 7);
            """;

    private static String indexes(VersionedDatabase db, String table) throws java.sql.SQLException {
        return String.join(",", rows(db.admin, "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = '"
                + table + "'::regclass ORDER BY 1"));
    }

    @TestFactory
    Stream<DynamicTest> schemaOperations() {
        return OperationCases.run(List.of(
                OperationCase.of("create_table").setup(SHOP).yaml("""
                        operations:
                          - create_table:
                              name: reviews
                              comment: what customers say
                              columns:
                                - {name: id, type: serial, pk: true}
                                - {name: order_id, type: int, references: {name: reviews_order_fk, table: orders, column: id}}
                                - {name: body, type: text, nullable: true, check: {name: body_short, constraint: "length(body) < 100"}}
                        """).afterStart(db -> {
                    exec(db.next, "INSERT INTO reviews (order_id, body) VALUES (10, 'fine')");
                    assertThatThrownBy(() -> exec(db.next, "INSERT INTO reviews (order_id) VALUES (99)"))
                            .hasMessageContaining("reviews_order_fk");
                    assertThat(one(db.admin, "SELECT to_regclass('public_v2.reviews') IS NOT NULL")).isEqualTo("t");
                }).afterRollback(db -> assertThat(one(db.admin, "SELECT to_regclass('public.reviews')")).isNull())
                        .afterComplete(db -> assertThat(one(db.next, "SELECT count(*) FROM reviews")).isEqualTo("0"))
                        .build(),

                OperationCase.of("rename_table").setup(SHOP).yaml("""
                        operations:
                          - rename_table: {from: customers, to: clients}
                        """).afterStart(db -> {
                    exec(db.next, "INSERT INTO clients VALUES (3, 'c@x')");
                    assertThat(one(db.old, "SELECT email FROM customers WHERE id = 3")).isEqualTo("c@x");
                    assertThat(one(db.admin, "SELECT to_regclass('public_v2.customers')")).isNull();
                }).afterComplete(db -> {
                    assertThat(one(db.admin, "SELECT to_regclass('public.customers')")).isNull();
                    assertThat(one(db.next, "SELECT count(*) FROM clients")).isEqualTo("3");
                }).build(),

                OperationCase.of("drop_table").setup(SHOP).yaml("""
                        operations:
                          - drop_table: {name: orders}
                        """).afterStart(db -> {
                    assertThat(one(db.admin, "SELECT to_regclass('public_v2.orders')")).isNull();
                    assertThat(one(db.old, "SELECT count(*) FROM orders")).isEqualTo("2");
                }).afterComplete(db -> assertThat(one(db.admin, "SELECT to_regclass('public.orders')")).isNull())
                        .build(),

                OperationCase.of("create_index and drop_index").setup(SHOP).yaml("""
                        operations:
                          - create_index: {name: orders_customer, table: orders, columns: [customer_id], predicate: "total > 1"}
                          - drop_index: {name: orders_total}
                        """).afterStart(db -> assertThat(indexes(db, "orders"))
                        .isEqualTo("orders_customer,orders_pkey,orders_total"))
                        .afterRollback(db -> assertThat(indexes(db, "orders")).isEqualTo("orders_pkey,orders_total"))
                        .afterComplete(db -> assertThat(indexes(db, "orders")).isEqualTo("orders_customer,orders_pkey"))
                        .build(),

                OperationCase.of("create_constraint foreign_key copies the column").setup(SHOP).yaml("""
                        operations:
                          - create_constraint:
                              table: orders
                              name: orders_customer_fk
                              type: foreign_key
                              columns: [customer_id]
                              references: {table: customers, columns: [id]}
                              up: {customer_id: "CASE WHEN customer_id IN (SELECT id FROM customers) THEN customer_id END"}
                        """).afterStart(db -> {
                    exec(db.old, "INSERT INTO orders VALUES (12, 42, 1)");
                    assertThat(one(db.next, "SELECT customer_id FROM orders WHERE id = 12")).isNull();
                    assertThatThrownBy(() -> exec(db.next, "INSERT INTO orders VALUES (13, 42, 1)"))
                            .hasMessageContaining("orders_customer_fk");
                }).afterComplete(db -> {
                    assertThat(one(db.admin, "SELECT convalidated FROM pg_constraint WHERE conname = 'orders_customer_fk'"))
                            .isEqualTo("t");
                    assertThat(db.columns("public", "orders")).containsExactly("id", "total", "customer_id");
                }).build(),

                OperationCase.of("create_constraint unique builds its index at complete").setup(SHOP).yaml("""
                        operations:
                          - create_constraint:
                              table: customers
                              name: customers_email_key
                              type: unique
                              columns: [email]
                              up: {email: email}
                              down: {email: email}
                        """).afterStart(db -> assertThat(indexes(db, "customers")).isEqualTo("customers_pkey"))
                        .afterComplete(db -> {
                            assertThat(one(db.admin, "SELECT contype FROM pg_constraint WHERE conname = 'customers_email_key'"))
                                    .isEqualTo("u");
                            assertThat(db.columns("public", "customers")).containsExactly("id", "email");
                        }).build(),

                OperationCase.of("create_constraint primary_key on a nullable column, and unique with include_columns")
                        .setup(SHOP + "CREATE TABLE notes (id int, code int NOT NULL, body text);"
                                + " INSERT INTO notes VALUES (1, 10, 'a'), (2, 20, 'b');").yaml("""
                        operations:
                          - create_constraint:
                              table: notes
                              name: notes_pkey
                              type: primary_key
                              columns: [id]
                              up: {id: id}
                              down: {id: id}
                          - create_constraint:
                              table: notes
                              name: notes_code_key
                              type: unique
                              columns: [code]
                              index_parameters: {include_columns: [body], storage_parameters: fillfactor=80}
                              up: {code: code}
                              down: {code: code}
                        """).afterStart(db -> {
                    assertThatThrownBy(() -> exec(db.old, "INSERT INTO notes VALUES (NULL, 30, 'c')"))
                            .hasMessageContaining("_uw_notes_id_not_null");
                    exec(db.next, "INSERT INTO notes VALUES (3, 30, 'c')");
                    assertThat(indexes(db, "notes")).isEmpty();
                }).afterRollback(db -> exec(db.old, "INSERT INTO notes VALUES (NULL, 40, 'd'); DELETE FROM notes"
                        + " WHERE id IS NULL"))
                        .afterComplete(db -> {
                            assertThat(rows(db.admin, "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                                    + " WHERE conrelid = 'notes'::regclass ORDER BY conname")).containsExactly(
                                    "notes_code_key UNIQUE (code) INCLUDE (body)", "notes_pkey PRIMARY KEY (id)");
                            assertThat(one(db.admin, "SELECT pg_get_indexdef('notes_code_key'::regclass)"))
                                    .endsWith("WITH (fillfactor='80')");
                            assertThat(db.columns("public", "notes")).containsExactly("id", "code", "body");
                        }).build(),

                OperationCase.of("set_replica_identity, restored by rollback").setup(SHOP
                        + "ALTER TABLE customers REPLICA IDENTITY FULL;").yaml("""
                        operations:
                          - set_replica_identity: {table: customers, identity: {type: index, index: customers_pkey}}
                          - set_replica_identity: {table: orders, identity: {type: nothing}}
                        """).afterStart(db -> assertThat(rows(db.admin, "SELECT relname || ':' || relreplident::text FROM pg_class"
                        + " WHERE relkind = 'r' AND relname IN ('customers', 'orders') ORDER BY 1")).containsExactly("customers:i", "orders:n"))
                        .afterRollback(db -> assertThat(rows(db.admin, "SELECT relname || ':' || relreplident::text FROM pg_class"
                                + " WHERE relkind = 'r' AND relname IN ('customers', 'orders') ORDER BY 1"))
                                .containsExactly("customers:f", "orders:d"))
                        .afterComplete(db -> assertThat(one(db.admin, "SELECT indisreplident FROM pg_index"
                                + " WHERE indexrelid = 'customers_pkey'::regclass")).isEqualTo("t"))
                        .build(),

                OperationCase.of("create_table with identity and generated columns, a constraint added to it, and"
                        + " index column settings").setup(SHOP).yaml("""
                        operations:
                          - create_table:
                              name: parcels
                              columns:
                                - {name: id, type: bigint, generated: {identity: {user_specified_values: ALWAYS,
                                   sequence_options: START WITH 100 INCREMENT BY 10}}}
                                - {name: grams, type: int}
                                - {name: kilos, type: numeric, generated: {expression: grams / 1000.0}}
                                - {name: label, type: text, nullable: true}
                              constraints:
                                - {name: parcels_label_excl, type: exclude, exclude: {index_method: btree,
                                   elements: label WITH =, predicate: label <> ''}}
                          - create_constraint:
                              table: parcels
                              name: parcels_pkey
                              type: primary_key
                              columns: [id]
                              up: {id: id}
                              down: {id: id}
                          - create_index:
                              name: parcels_grams
                              table: parcels
                              columns:
                                grams: {sort: DESC, nulls: LAST}
                                label: {collate: C, opclass: {name: text_pattern_ops}}
                        """).afterStart(db -> {
                    assertThat(one(db.next, "INSERT INTO parcels (grams) VALUES (1500) RETURNING id || ':' || kilos"))
                            .isEqualTo("100:1.5000000000000000");
                    assertThat(one(db.next, "INSERT INTO parcels (grams) VALUES (10) RETURNING id")).isEqualTo("110");
                    exec(db.next, "INSERT INTO parcels (grams, label) VALUES (1, 'x')");
                    assertThatThrownBy(() -> exec(db.next, "INSERT INTO parcels (grams, label) VALUES (2, 'x')"))
                            .hasMessageContaining("parcels_label_excl");
                }).afterComplete(db -> {
                    assertThat(one(db.admin, "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                            + " WHERE conname = 'parcels_pkey'")).isEqualTo("PRIMARY KEY (id)");
                    assertThat(one(db.admin, "SELECT pg_get_indexdef('parcels_grams'::regclass)"))
                            .endsWith("(grams DESC NULLS LAST, label COLLATE \"C\" text_pattern_ops)");
                }).build(),

                OperationCase.of("drop and rename constraints at complete").setup(SHOP + """
                        ALTER TABLE customers ADD CONSTRAINT email_has_at CHECK (email LIKE '%@%');
                        """).yaml("""
                        operations:
                          - drop_constraint: {table: orders, name: total_positive, up: total, down: total}
                          - rename_constraint: {table: customers, from: email_has_at, to: customers_email_at}
                        """).afterStart(db -> assertThatThrownBy(() -> exec(db.next, "INSERT INTO orders VALUES (20, 1, -1)"))
                        .hasMessageContaining("total_positive"))
                        .afterComplete(db -> {
                            exec(db.next, "INSERT INTO orders VALUES (20, 1, -1)");
                            assertThat(one(db.admin, "SELECT count(*) FROM pg_constraint WHERE conname = 'customers_email_at'"))
                                    .isEqualTo("1");
                        }).build(),

                OperationCase.of("sql up, down and on_complete").setup(SHOP).yaml("""
                        operations:
                          - sql:
                              up: CREATE TABLE audit (id int); INSERT INTO audit VALUES (1)
                              down: DROP TABLE audit
                          - sql:
                              up: INSERT INTO audit VALUES (2)
                              on_complete: true
                        """).afterStart(db -> assertThat(one(db.admin, "SELECT count(*) FROM audit")).isEqualTo("1"))
                        .afterRollback(db -> assertThat(one(db.admin, "SELECT to_regclass('public.audit')")).isNull())
                        .afterComplete(db -> assertThat(one(db.admin, "SELECT count(*) FROM audit")).isEqualTo("2"))
                        .build(),

                OperationCase.of("alter_column type carries indexes, unique, check and foreign keys over").setup(SHOP
                        + "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES"
                        + " customers (id); ALTER TABLE orders ADD CONSTRAINT orders_total_unique UNIQUE (total);").yaml("""
                        operations:
                          - alter_column: {table: orders, column: total, type: bigint}
                          - alter_column: {table: orders, column: customer_id, type: bigint}
                        """).afterStart(db -> {
                    assertThatThrownBy(() -> exec(db.next, "INSERT INTO orders VALUES (40, 1, -3)"))
                            .hasMessageContaining("_uw_total_positive");
                    assertThatThrownBy(() -> exec(db.old, "INSERT INTO orders VALUES (41, 9, 3)"))
                            .hasMessageContaining("orders_customer_fk");
                    // The new version has the rebuilt unique index already: ON CONFLICT on the copied column works.
                    assertThat(one(db.next, "INSERT INTO orders VALUES (43, 1, 5) ON CONFLICT (total) DO UPDATE"
                            + " SET customer_id = 2 RETURNING id || ':' || customer_id")).isEqualTo("10:2");
                }).afterComplete(db -> {
                    assertThat(indexes(db, "orders")).isEqualTo("orders_pkey,orders_total,orders_total_unique");
                    assertThat(rows(db.admin, "SELECT conname || ':' || contype::text || ':' || convalidated FROM pg_constraint"
                            + " WHERE conrelid = 'orders'::regclass ORDER BY 1")).containsExactly("orders_customer_fk:f:true",
                            "orders_pkey:p:true", "orders_total_unique:u:true", "total_positive:c:true");
                    assertThat(one(db.admin, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid ="
                            + " 'orders'::regclass AND attname = 'customer_id'")).isEqualTo("bigint");
                    assertThatThrownBy(() -> exec(db.next, "INSERT INTO orders VALUES (42, 1, 5)"))
                            .hasMessageContaining("orders_total_unique");
                }).build(),

                OperationCase.of("alter_column check, unique and references together").setup(SHOP
                        + "DROP INDEX orders_total; ALTER TABLE orders DROP CONSTRAINT total_positive;").yaml("""
                        operations:
                          - alter_column:
                              table: orders
                              column: total
                              check: {name: total_small, constraint: "total < 1000"}
                              up: least(total, 999)
                              down: total
                          - alter_column:
                              table: customers
                              column: email
                              unique: {name: customers_email_unique}
                        """).afterStart(db -> {
                    exec(db.old, "INSERT INTO orders VALUES (30, 1, 5000)");
                    assertThat(one(db.next, "SELECT total FROM orders WHERE id = 30")).isEqualTo("999");
                    assertThat(one(db.old, "SELECT total FROM orders WHERE id = 30")).isEqualTo("5000");
                    assertThatThrownBy(() -> exec(db.next, "INSERT INTO orders VALUES (31, 1, 2000)"))
                            .hasMessageContaining("total_small");
                }).afterComplete(db -> {
                    assertThat(one(db.admin, "SELECT total FROM orders WHERE id = 30")).isEqualTo("999");
                    assertThat(one(db.admin, "SELECT count(*) FROM pg_constraint WHERE conname IN ('total_small',"
                            + " 'customers_email_unique')")).isEqualTo("2");
                }).build()
        ));
    }
}

package dev.migrate.dialect;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrate.MigrateException;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.ConstraintType;
import dev.migrate.ops.Expression;
import dev.migrate.ops.Jdbc;
import dev.migrate.ops.Operations;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.Type;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.revision.Revision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every operation run on a real database through {@link dev.migrate.ops.RecordingOperations}
 * executing at once, as online runs do: upgrade, inspect the catalog, run the inverse,
 * inspect that it is gone. Each database's test class runs these and adds its own.
 */
abstract class AbstractDialectTests {

	/** The statements a revision renders to on a dialect, without a database. */
	static List<String> render(Dialect dialect, java.util.function.Consumer<Operations> revision) {
		List<String> sql = new ArrayList<>();
		revision.accept(new dev.migrate.ops.RecordingOperations(dialect,
				(operation) -> sql.addAll(dialect.render(operation))));
		return sql;
	}


	Scratch db;

	Operations op;

	abstract Scratch create();

	@BeforeEach
	void createScratch() {
		this.db = create();
		this.op = this.db.op();
	}

	@AfterEach
	void dropScratch() throws SQLException {
		if (this.db != null) {
			this.db.close();
		}
	}

	Catalog catalog() {
		return this.db.catalog();
	}

	String table(String name) {
		return this.db.dialect().quote(name);
	}

	void createCategories() {
		this.op.createTable("categories", (t) -> t.column("id", Type.uuid(), (c) -> c.primaryKey())
			.column("name", Type.string(100), (c) -> c.notNull()));
	}

	void createProducts() {
		createCategories();
		this.op.createTable("products", (t) -> t.column("id", Type.uuid(), (c) -> c.notNull())
			.column("name", Type.string(200), (c) -> c.notNull())
			.column("sku", Type.string(50), (c) -> c.notNull())
			.column("price", Type.numeric(10, 2), (c) -> c.notNull())
			.column("status", Type.string(20), (c) -> c.notNull().defaultValue("draft"))
			.column("category_id", Type.uuid(), (c) -> c.notNull())
			.column("created_at", Type.timestampTz(), (c) -> c.notNull().defaultExpression("CURRENT_TIMESTAMP"))
			.column("updated_at", Type.timestampTz())
			.foreignKey(List.of("category_id"), "categories", List.of("id"),
					(fk) -> fk.name("fk_products_category").onDelete(ReferentialAction.RESTRICT))
			.primaryKey("id")
			.constraint(UniqueConstraint.of("uq_products_sku", "sku"))
			.constraint(CheckConstraint.of("ck_products_price", "price >= 0")));
	}

	UUID insertCategory(String name) {
		UUID id = UUID.randomUUID();
		this.op.bulkInsert("categories", List.of("id", "name"), List.of(List.of(id, name)));
		return id;
	}

	@Test
	void createsTableWithColumnsKeysAndConstraintsAndDropsIt() {
		createProducts();
		assertThat(catalog().tables()).containsExactly("categories", "products");
		Map<String, Catalog.ColumnInfo> columns = catalog().columns("products");
		assertThat(columns).containsOnlyKeys("id", "name", "sku", "price", "status", "category_id", "created_at",
				"updated_at");
		assertThat(columns.get("name").size()).isEqualTo(200);
		assertThat(columns.get("name").nullable()).isFalse();
		assertThat(columns.get("price").size()).isEqualTo(10);
		assertThat(columns.get("price").digits()).isEqualTo(2);
		assertThat(columns.get("updated_at").nullable()).isTrue();
		assertThat(catalog().primaryKey("products")).containsExactly("id");
		assertThat(catalog().foreignKeys("products")).hasSize(1);
		Catalog.ForeignKeyInfo key = catalog().foreignKeys("products").get("fk_products_category");
		assertThat(key.columns()).containsExactly("category_id");
		assertThat(key.referencedTable()).isEqualTo("categories");
		assertThat(key.onDelete()).isEqualTo("RESTRICT");
		assertThat(catalog().constraints("products", "UNIQUE")).containsExactly("uq_products_sku");
		assertThat(catalog().constraints("products", "CHECK")).containsExactly("ck_products_price");

		UUID category = insertCategory("tools");
		this.db.execute("INSERT INTO products (id, name, sku, price, category_id) VALUES ('" + UUID.randomUUID()
				+ "', 'Hammer', 'H-1', 9.50, '" + category + "')");
		assertThat(this.db.rows("SELECT status FROM products")).containsExactly(List.of("draft"));
		assertThat(this.db.value("SELECT created_at FROM products")).isNotNull();
		assertRejected("INSERT INTO products (id, name, sku, price, category_id) VALUES ('" + UUID.randomUUID()
				+ "', 'Saw', 'H-1', 1, '" + category + "')");
		assertRejected("INSERT INTO products (id, name, sku, price, category_id) VALUES ('" + UUID.randomUUID()
				+ "', 'Saw', 'S-1', -1, '" + category + "')");
		assertRejected("DELETE FROM categories");

		this.op.dropTable("products");
		this.op.dropTable("categories");
		assertThat(catalog().tables()).isEmpty();
	}

	void assertRejected(String sql) {
		assertThatExceptionOfType(AssertionError.class).as(sql).isThrownBy(() -> this.db.execute(sql));
	}

	@Test
	void createsTableWithColumnLevelKeyUniqueAndIdentity() {
		this.op.createTable("tags", (t) -> t.column("id", Type.bigint(), (c) -> c.primaryKey().identity())
			.column("label", Type.string(40), (c) -> c.notNull().unique())
			.ifNotExists());
		this.db.execute("INSERT INTO tags (label) VALUES ('a')");
		this.db.execute("INSERT INTO tags (label) VALUES ('b')");
		assertThat(this.db.rows("SELECT id, label FROM tags ORDER BY id")).extracting((row) -> row.get(1))
			.containsExactly("a", "b");
		assertThat(catalog().primaryKey("tags")).containsExactly("id");
		assertRejected("INSERT INTO tags (label) VALUES ('a')");
		this.op.createTable("tags", (t) -> t.column("other", Type.integer()).ifNotExists());
		assertThat(catalog().columns("tags")).containsOnlyKeys("id", "label");
		this.op.dropTable("tags");
		assertThat(catalog().tables()).isEmpty();
	}

	@Test
	void renamesTableAndBack() {
		createCategories();
		this.op.renameTable("categories", "sections");
		assertThat(catalog().tables()).containsExactly("sections");
		this.op.renameTable("sections", "categories");
		assertThat(catalog().tables()).containsExactly("categories");
	}

	@Test
	void setsAndDropsTableAndColumnComments() {
		this.op.createTable("notes", (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey())
			.column("body", Type.text(), (c) -> c.comment("The note's text; it's 'free' -- form"))
			.comment("Notes users keep"));
		assertThat(catalog().tableComment("notes")).isEqualTo("Notes users keep");
		assertThat(catalog().column("notes", "body").comment()).isEqualTo("The note's text; it's 'free' -- form");
		this.op.createTableComment("notes", "Changed: O'Brien's");
		assertThat(catalog().tableComment("notes")).isEqualTo("Changed: O'Brien's");
		this.op.dropTableComment("notes");
		assertThat(catalog().tableComment("notes")).isNull();
		this.op.alterColumn("notes", "body", (c) -> c.comment("Other").existingType(Type.text()).existingNullable(true));
		assertThat(catalog().column("notes", "body").comment()).isEqualTo("Other");
		this.op.alterColumn("notes", "body", (c) -> c.dropComment().existingType(Type.text()).existingNullable(true));
		assertThat(catalog().column("notes", "body").comment()).isNull();
	}

	@Test
	void addsColumnThatFillsExistingRowsAndDropsIt() {
		createCategories();
		insertCategory("tools");
		this.op.addColumn("categories", "position", Type.integer(), (c) -> c.notNull().defaultValue(7));
		assertThat(catalog().column("categories", "position").nullable()).isFalse();
		assertThat(this.db.value("SELECT position FROM categories")).isEqualTo(7);
		this.op.addColumn("categories", "note", Type.string(30));
		assertThat(catalog().column("categories", "note").nullable()).isTrue();
		this.op.dropColumn("categories", "note");
		this.op.dropColumn("categories", "position");
		assertThat(catalog().columns("categories")).containsOnlyKeys("id", "name");
	}

	@Test
	void altersColumnTypeNullabilityAndDefaultAndBack() {
		createCategories();
		insertCategory("tools");
		this.op.alterColumn("categories", "name", (c) -> c.type(Type.string(250))
			.nullable(true)
			.defaultValue("unnamed")
			.existingNullable(false));
		Catalog.ColumnInfo name = catalog().column("categories", "name");
		assertThat(name.size()).isEqualTo(250);
		assertThat(name.nullable()).isTrue();
		this.db.execute("INSERT INTO categories (id) VALUES ('" + UUID.randomUUID() + "')");
		assertThat(this.db.value("SELECT count(*) FROM categories WHERE name = 'unnamed'")).isIn(1L, 1);

		this.db.execute("DELETE FROM categories WHERE name = 'unnamed'");
		this.op.alterColumn("categories", "name", (c) -> c.type(Type.string(100))
			.notNull()
			.dropDefault()
			.existingNullable(true)
			.existingDefaultValue("unnamed"));
		name = catalog().column("categories", "name");
		assertThat(name.size()).isEqualTo(100);
		assertThat(name.nullable()).isFalse();
		assertThat(name.defaultValue()).isIn(null, "NULL");
		assertThat(this.db.value("SELECT name FROM categories")).isEqualTo("tools");
	}

	@Test
	void setsAndDropsServerDefaultAlone() {
		createCategories();
		this.op.alterColumn("categories", "name", (c) -> c.defaultValue("it's"));
		this.db.execute("INSERT INTO categories (id) VALUES ('" + UUID.randomUUID() + "')");
		assertThat(this.db.value("SELECT name FROM categories")).isEqualTo("it's");
		this.op.alterColumn("categories", "name", (c) -> c.dropDefault());
		assertRejected("INSERT INTO categories (id) VALUES ('" + UUID.randomUUID() + "')");
	}

	@Test
	void renamesColumnAndBack() {
		createCategories();
		insertCategory("tools");
		this.op.renameColumn("categories", "name", "title");
		assertThat(catalog().columns("categories")).containsOnlyKeys("id", "title");
		assertThat(this.db.value("SELECT title FROM categories")).isEqualTo("tools");
		this.op.alterColumn("categories", "title", (c) -> c.rename("name"));
		assertThat(catalog().columns("categories")).containsOnlyKeys("id", "name");
	}

	@Test
	void createsAndDropsIndexes() {
		createProducts();
		this.op.createIndex("ix_products_updated_at", "products", "updated_at");
		this.op.createIndex("ix_products_name_created", "products", (i) -> i.columns("name").descending("created_at"));
		this.op.createIndex("ux_products_name", "products", List.of("name"), (i) -> i.unique().ifNotExists());
		Map<String, Catalog.IndexInfo> indexes = catalog().indexes("products");
		assertThat(indexes.get("ix_products_updated_at").columns()).containsExactly("updated_at");
		assertThat(indexes.get("ix_products_updated_at").unique()).isFalse();
		assertThat(indexes.get("ix_products_name_created").columns()).containsExactly("name", "created_at DESC");
		assertThat(indexes.get("ux_products_name").unique()).isTrue();

		this.op.dropIndex("ux_products_name", "products");
		this.op.dropIndex("ix_products_name_created", "products", (i) -> i.ifExists());
		this.op.dropIndex("ix_products_updated_at", "products");
		this.op.dropIndex("ix_products_updated_at", "products", (i) -> i.ifExists());
		assertThat(catalog().indexes("products")).doesNotContainKeys("ix_products_updated_at",
				"ix_products_name_created", "ux_products_name");
	}

	@Test
	void addsAndDropsNamedConstraints() {
		createCategories();
		this.op.createTable("items", (t) -> t.column("id", Type.integer(), (c) -> c.notNull())
			.column("code", Type.string(10), (c) -> c.notNull())
			.column("quantity", Type.integer())
			.column("category_id", Type.uuid()));
		this.op.createPrimaryKey("pk_items", "items", "id");
		this.op.createUniqueConstraint("uq_items_code", "items", "code");
		this.op.createCheckConstraint("ck_items_quantity", "items", "quantity > 0");
		this.op.createForeignKey("fk_items_category", "items", "categories", List.of("category_id"), List.of("id"),
				(fk) -> fk.onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE));
		assertThat(catalog().primaryKey("items")).containsExactly("id");
		assertThat(catalog().constraints("items", "UNIQUE")).containsExactly("uq_items_code");
		assertThat(catalog().constraints("items", "CHECK")).containsExactly("ck_items_quantity");
		Catalog.ForeignKeyInfo key = catalog().foreignKeys("items").get("fk_items_category");
		assertThat(key.onDelete()).isEqualTo("SET NULL");
		assertThat(key.onUpdate()).isEqualTo("CASCADE");

		UUID category = insertCategory("tools");
		this.db.execute("INSERT INTO items (id, code, quantity, category_id) VALUES (1, 'a', 1, '" + category + "')");
		this.db.execute("DELETE FROM categories");
		assertThat(this.db.value("SELECT category_id FROM items")).isNull();
		assertRejected("INSERT INTO items (id, code, quantity) VALUES (2, 'b', 0)");

		this.op.dropConstraint("fk_items_category", "items", ConstraintType.FOREIGN_KEY);
		this.op.dropConstraint("ck_items_quantity", "items", ConstraintType.CHECK);
		this.op.dropConstraint("uq_items_code", "items", ConstraintType.UNIQUE);
		this.op.dropConstraint("pk_items", "items", ConstraintType.PRIMARY_KEY);
		assertThat(catalog().foreignKeys("items")).isEmpty();
		assertThat(catalog().constraints("items", "CHECK")).isEmpty();
		assertThat(catalog().constraints("items", "UNIQUE")).isEmpty();
		assertThat(catalog().primaryKey("items")).isEmpty();
		this.db.execute("INSERT INTO items (id, code, quantity) VALUES (1, 'a', 0)");
	}

	@Test
	void createsEnumColumnAndDropsIt() {
		Type status = Type.enumType("order_status", "pending", "confirmed", "shipped", "delivered", "cancelled");
		this.op.createTable("orders", (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey()));
		this.op.createEnum(status);
		this.op.addColumn("orders", "status", status, (c) -> c.notNull().defaultValue("pending"));
		this.db.execute("INSERT INTO orders (id) VALUES (1)");
		this.db.execute("INSERT INTO orders (id, status) VALUES (2, 'shipped')");
		assertThat(this.db.rows("SELECT status FROM orders ORDER BY id")).extracting((row) -> row.get(0).toString())
			.containsExactly("pending", "shipped");
		assertRejected("INSERT INTO orders (id, status) VALUES (3, 'lost')");
		this.op.dropColumn("orders", "status");
		this.op.dropEnum(status);
		assertThat(catalog().columns("orders")).containsOnlyKeys("id");
	}

	@Test
	void bulkInsertsValuesOfEveryKindAsLiterals() {
		this.op.createTable("samples", (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey())
			.column("text_value", Type.text())
			.column("long_value", Type.bigint())
			.column("decimal_value", Type.numeric(12, 4))
			.column("double_value", Type.doublePrecision())
			.column("flag", Type.bool())
			.column("uuid_value", Type.uuid())
			.column("on_day", Type.date())
			.column("moment", Type.timestamp())
			.column("clock", Type.time())
			.column("data", Type.bytes()));
		UUID uuid = UUID.randomUUID();
		String hostile = "it's \\ a \"test\"; -- not a comment /* nor this */ \\' $$ `x`";
		List<Object> first = Arrays.asList(1, hostile, Long.MAX_VALUE, new BigDecimal("12345678.1234"), 0.5, true,
				uuid, LocalDate.of(2024, 1, 15), LocalDateTime.of(2024, 1, 15, 10, 30, 5, 123_000_000),
				LocalTime.of(23, 59, 58), new byte[] { 0, 1, (byte) 0xff, '\'' });
		List<Object> second = Arrays.asList(2, null, null, null, null, false, null, null, null, null, null);
		this.op.bulkInsert("samples", List.of("id", "text_value", "long_value", "decimal_value", "double_value", "flag",
				"uuid_value", "on_day", "moment", "clock", "data"), List.of(first, second));
		this.op.bulkInsert("samples", List.of(Map.of("id", 3, "text_value", "map row")));

		List<List<Object>> rows = this.db.rows("SELECT text_value, long_value, decimal_value, double_value, flag, "
				+ "uuid_value, on_day, moment, clock, data FROM samples ORDER BY id");
		List<Object> row = rows.get(0);
		assertThat(row.get(0)).isEqualTo(hostile);
		assertThat(row.get(1)).isEqualTo(Long.MAX_VALUE);
		assertThat((BigDecimal) row.get(2)).isEqualByComparingTo("12345678.1234");
		assertThat(row.get(3)).isEqualTo(0.5);
		assertThat(row.get(4)).isIn(true, 1, (byte) 1);
		assertThat(row.get(5).toString()).isEqualTo(uuid.toString());
		assertThat(row.get(6).toString()).isEqualTo("2024-01-15");
		assertThat(row.get(7).toString()).startsWith("2024-01-15").contains("10:30:05.123");
		assertThat(row.get(8).toString()).startsWith("23:59:58");
		assertThat((byte[]) row.get(9)).containsExactly(0, 1, 0xff, '\'');
		assertThat(rows.get(1).get(4)).isIn(false, 0, (byte) 0);
		assertThat(rows.get(1).get(0)).isNull();
		assertThat(rows.get(2).get(0)).isEqualTo("map row");
	}

	@Test
	void bulkInsertsManyRowsInSeveralStatements() {
		this.op.createTable("numbers", (t) -> t.column("n", Type.integer(), (c) -> c.primaryKey()));
		List<List<Integer>> rows = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			rows.add(List.of(i));
		}
		this.op.bulkInsert("numbers", List.of("n"), rows);
		assertThat(((Number) this.db.value("SELECT count(*) FROM numbers")).intValue()).isEqualTo(1200);
		assertThat(this.db.executed().stream().filter((sql) -> sql.startsWith("INSERT"))).hasSize(3);
	}

	@Test
	void keepsHostileIdentifiersAndValuesAsData() {
		this.op.createTable("sentinel", (t) -> t.column("id", Type.integer()));
		String table = "we\"ird`; DROP TABLE sentinel; --";
		String column = "col'umn /* x */ \"y\"";
		String value = "'); DROP TABLE sentinel; -- \\'; DROP TABLE sentinel; #";
		this.op.createTable(table, (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey())
			.column(column, Type.string(200), (c) -> c.defaultValue(value).comment(value))
			.comment(value));
		this.op.createIndex("ix; drop table sentinel", table, column);
		this.op.bulkInsert(table, List.of("id", column), List.of(List.of(1, value)));
		this.op.bulkInsert(table, List.of("id"), List.of(List.of(2)));
		this.op.alterColumn(table, column,
				(c) -> c.defaultValue(value + "!").existingType(Type.string(200)).existingNullable(true));
		this.op.bulkInsert(table, List.of("id"), List.of(List.of(3)));

		assertThat(catalog().tables()).contains("sentinel", table);
		assertThat(catalog().columns(table)).containsOnlyKeys("id", column);
		assertThat(catalog().column(table, column).comment()).isEqualTo(value);
		assertThat(catalog().tableComment(table)).isEqualTo(value);
		assertThat(this.db.rows("SELECT " + this.db.dialect().quote(column) + " FROM " + table(table) + " ORDER BY id"))
			.extracting((row) -> row.get(0))
			.containsExactly(value, value, value + "!");

		this.op.renameColumn(table, column, column + "2");
		this.op.dropIndex("ix; drop table sentinel", table);
		this.op.renameTable(table, table + "2");
		this.op.dropTable(table + "2");
		assertThat(catalog().tables()).containsExactly("sentinel");
	}

	@Test
	void executesScriptsSplitIntoStatements() {
		this.op.execute("""
				CREATE TABLE log (id integer, note varchar(50));
				INSERT INTO log VALUES (1, 'a;b');
				-- a comment; with a semicolon
				INSERT INTO log VALUES (2, 'c''d');
				""");
		assertThat(this.db.rows("SELECT note FROM log ORDER BY id")).extracting((row) -> row.get(0))
			.containsExactly("a;b", "c'd");
	}

	@Test
	void readsAndWritesRowsThroughJdbc() {
		createCategories();
		insertCategory("tools");
		insertCategory("garden");
		Jdbc jdbc = this.op.jdbc();
		List<Map<String, Object>> rows = jdbc.queryForList("SELECT name FROM categories ORDER BY name");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).values()).containsExactly("garden");
		assertThat(jdbc.query("SELECT name FROM categories WHERE name = ?", (row) -> row.getString(1), "tools"))
			.containsExactly("tools");
		assertThat(jdbc.update("UPDATE categories SET name = ? WHERE name = ?", "it's; -- tools", "tools")).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM categories WHERE name = ?", Long.class, "it's; -- tools"))
			.isEqualTo(1L);
		assertThat(jdbc.queryForObject("SELECT name FROM categories WHERE name = 'none'", String.class)).isNull();
		int[] counts = jdbc.batchUpdate("INSERT INTO categories (id, name) VALUES (?, ?)",
				List.of(List.of(UUID.randomUUID(), "a"), List.of(UUID.randomUUID(), "b")));
		assertThat(counts).hasSize(2);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM categories", Long.class)).isEqualTo(4L);
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> jdbc.queryForObject("SELECT name FROM categories", String.class))
			.withMessageContaining("at most one row");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> jdbc.update("UPDATE nowhere SET x = 1"))
			.withMessageContaining("SQLState")
			.withMessageContaining("UPDATE nowhere SET x = 1");
	}

	@Test
	void updatesInBatchesUntilNoRowIsLeft() {
		this.op.createTable("products", (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey())
			.column("old_value", Type.integer())
			.column("new_value", Type.integer()));
		List<List<Integer>> rows = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			rows.add(List.of(i, i));
		}
		this.op.bulkInsert("products", List.of("id", "old_value"), rows);
		long updated = this.op.jdbc().updateInBatches("products", "new_value = old_value * 2", "new_value IS NULL", 1000);
		assertThat(updated).isEqualTo(2500);
		assertThat(this.db.value("SELECT count(*) FROM products WHERE new_value = old_value * 2"))
			.isIn(2500L, 2500);
		assertThat(this.op.jdbc().updateInBatches("products", "new_value = 0", "new_value IS NULL", 10)).isZero();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.jdbc().updateInBatches("products", "new_value = 0", " ", 10))
			.withMessageContaining("condition");
	}

	@Test
	void refusesConcurrentIndexInTransactionalRevisionNamingIt() {
		createCategories();
		Revision revision = Revision.builder("ae1027a6acf").source("class db.revisions.AddIndex").build();
		Operations op = this.db.op(revision);
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> op.createIndex("ix_categories_name", "categories", List.of("name"),
					(i) -> i.concurrently()))
			.withMessageContaining("Revision ae1027a6acf (class db.revisions.AddIndex) runs in a transaction")
			.withMessageContaining("ix_categories_name")
			.withMessageContaining("transactional = false");
		assertThat(catalog().indexes("categories")).doesNotContainKey("ix_categories_name");
	}

	@Test
	void createsConcurrentIndexInNonTransactionalRevision() {
		createCategories();
		Revision revision = Revision.builder("ae1027a6acf").transactional(false).build();
		Operations op = this.db.op(revision);
		op.createIndex("ix_categories_name", "categories", List.of("name"), (i) -> i.concurrently());
		assertThat(catalog().indexes("categories")).containsKey("ix_categories_name");
		op.dropIndex("ix_categories_name", "categories", (i) -> i.concurrently());
		assertThat(catalog().indexes("categories")).doesNotContainKey("ix_categories_name");
	}

	@Test
	void writesServerDefaultsOfEveryKind() {
		this.op.createTable("defaults", (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey())
			.column("number", Type.integer(), (c) -> c.defaultValue(42))
			.column("flag", Type.bool(), (c) -> c.defaultValue(true))
			.column("on_day", Type.date(), (c) -> c.defaultValue(LocalDate.of(2000, 2, 29)))
			.column("price", Type.numeric(6, 2), (c) -> c.defaultValue(new BigDecimal("1.50")))
			.column("created", Type.timestamp(), (c) -> c.defaultValue(Expression.sql("CURRENT_TIMESTAMP"))));
		this.db.execute("INSERT INTO defaults (id) VALUES (1)");
		List<Object> row = this.db.rows("SELECT number, flag, on_day, price, created FROM defaults").get(0);
		assertThat(row.get(0)).isEqualTo(42);
		assertThat(row.get(1)).isIn(true, 1, (byte) 1);
		assertThat(row.get(2).toString()).isEqualTo("2000-02-29");
		assertThat((BigDecimal) row.get(3)).isEqualByComparingTo("1.5");
		assertThat(row.get(4)).isNotNull();
	}

}

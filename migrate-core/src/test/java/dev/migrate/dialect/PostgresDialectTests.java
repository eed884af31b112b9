package dev.migrate.dialect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.migrate.MigrateException;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.Execute;
import dev.migrate.ops.Expression;
import dev.migrate.ops.Operation;
import dev.migrate.ops.Operations;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.Type;
import dev.migrate.revision.Revision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PostgresDialect}: what it renders, and on a real PostgreSQL server the
 * shared scenarios plus partial, expression, GIN and covering indexes, {@code USING}
 * conversions, enum values, extensions and schemas.
 */
class PostgresDialectTests extends AbstractDialectTests {

	private static final Dialect dialect = PostgresDialect.INSTANCE;

	@Override
	Scratch create() {
		return Scratch.postgres();
	}

	@Test
	void rendersGuideProductsTable() {
		List<String> sql = render(dialect, (op) -> {
			op.createTable("products", (t) -> t.column("id", Type.uuid(), (c) -> c.notNull())
				.column("name", Type.string(200), (c) -> c.notNull())
				.column("price", Type.numeric(10, 2), (c) -> c.notNull())
				.column("category_id", Type.uuid(), (c) -> c.notNull())
				.column("created_at", Type.timestampTz(), (c) -> c.notNull().defaultExpression("now()"))
				.column("updated_at", Type.timestampTz())
				.foreignKey(List.of("category_id"), "categories", List.of("id"),
						(fk) -> fk.onDelete(ReferentialAction.RESTRICT))
				.primaryKey("id")
				.unique("sku"));
			op.createIndex("ix_products_category_id", "products", "category_id");
		});
		assertThat(sql).containsExactly("""
				CREATE TABLE products (
					id uuid NOT NULL,
					name varchar(200) NOT NULL,
					price numeric(10, 2) NOT NULL,
					category_id uuid NOT NULL,
					created_at timestamp with time zone DEFAULT now() NOT NULL,
					updated_at timestamp with time zone,
					FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE RESTRICT,
					PRIMARY KEY (id),
					UNIQUE (sku)
				)""", "CREATE INDEX ix_products_category_id ON products (category_id)");
	}

	@Test
	void quotesOnlyIdentifiersThatNeedIt() {
		assertThat(dialect.quote("products")).isEqualTo("products");
		assertThat(dialect.quote("order")).isEqualTo("\"order\"");
		assertThat(dialect.quote("Products")).isEqualTo("\"Products\"");
		assertThat(dialect.quote("uuid-ossp")).isEqualTo("\"uuid-ossp\"");
		assertThat(dialect.quote("a\"b")).isEqualTo("\"a\"\"b\"");
		assertThat(dialect.quote("_x$1")).isEqualTo("_x$1");
		assertThat(dialect.quote("1abc")).isEqualTo("\"1abc\"");
	}

	@Test
	void rendersLiteralsEscaped() {
		assertThat(dialect.literal("it's")).isEqualTo("'it''s'");
		assertThat(dialect.literal("back\\slash'")).isEqualTo("E'back\\\\slash'''");
		assertThat(dialect.literal((Object) null)).isEqualTo("NULL");
		assertThat(dialect.literal((String) null)).isEqualTo("NULL");
		assertThat(dialect.literal(Expression.sql("now()"))).isEqualTo("now()");
		assertThat(dialect.literal(true)).isEqualTo("TRUE");
		assertThat(dialect.literal(new byte[] { 0, (byte) 0xab })).isEqualTo("decode('00ab', 'hex')");
		assertThat(dialect.literal(LocalDateTime.of(2024, 1, 15, 10, 30))).isEqualTo("TIMESTAMP '2024-01-15 10:30:00'");
		assertThat(dialect.literal(OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 500_000_000, ZoneOffset.ofHours(2))))
			.isEqualTo("TIMESTAMP WITH TIME ZONE '2024-01-15 10:30:00.5+02:00'");
		assertThat(dialect.literal(Instant.parse("2024-01-15T10:30:00Z")))
			.isEqualTo("TIMESTAMP WITH TIME ZONE '2024-01-15 10:30:00+00:00'");
		assertThat(dialect.literal(ReferentialAction.CASCADE)).isEqualTo("'CASCADE'");
	}

	@Test
	void rendersIndexOptions() {
		assertThat(render(dialect, (op) -> {
			op.createIndex("ix_orders_pending", "orders", List.of("created_at"), (i) -> i.where("status = 'pending'"));
			op.createIndex("ix_products_search_vector", "products", List.of("search_vector"), (i) -> i.using("GIN"));
			op.createIndex("ux_users_email", "users", (i) -> i.expression("lower(email)").unique().ifNotExists());
			op.inSchema("shop").createIndex("ix_cover", "orders", List.of("user_id"),
					(i) -> i.include("total", "status").concurrently());
			op.inSchema("shop").dropIndex("ix_cover", "orders", (i) -> i.concurrently().ifExists());
		})).containsExactly("CREATE INDEX ix_orders_pending ON orders (created_at) WHERE status = 'pending'",
				"CREATE INDEX ix_products_search_vector ON products USING gin (search_vector)",
				"CREATE UNIQUE INDEX IF NOT EXISTS ux_users_email ON users ((lower(email)))",
				"CREATE INDEX CONCURRENTLY ix_cover ON shop.orders (user_id) INCLUDE (total, status)",
				"DROP INDEX CONCURRENTLY IF EXISTS shop.ix_cover");
	}

	@Test
	void rendersAlterColumnOneStatementPerChangeWithRenameLast() {
		assertThat(render(dialect, (op) -> op.alterColumn("orders", "total", (c) -> c.type(Type.numeric(12, 2))
			.using("total::numeric(12, 2)")
			.notNull()
			.defaultValue(0)
			.comment("Total")
			.rename("amount")))).containsExactly("ALTER TABLE orders ALTER COLUMN total DROP DEFAULT",
					"ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2) USING total::numeric(12, 2)",
					"ALTER TABLE orders ALTER COLUMN total SET NOT NULL",
					"ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0", "COMMENT ON COLUMN orders.total IS 'Total'",
					"ALTER TABLE orders RENAME COLUMN total TO amount");
	}

	@Test
	void rendersEnumsAndExtensions() {
		Type status = Type.enumType("order_status", "pending", "it's");
		assertThat(render(dialect, (op) -> {
			op.createEnum(status);
			op.addColumn("orders", "status", status, (c) -> c.notNull());
			op.addEnumValue("order_status", "returned", (v) -> v.after("pending").ifNotExists());
			op.dropEnum(status);
			op.createExtension("uuid-ossp");
			op.dropExtension("uuid-ossp");
		})).containsExactly("CREATE TYPE order_status AS ENUM ('pending', 'it''s')",
				"ALTER TABLE orders ADD COLUMN status order_status NOT NULL",
				"ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'returned' AFTER 'pending'", "DROP TYPE order_status",
				"CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"", "DROP EXTENSION IF EXISTS \"uuid-ossp\"");
	}

	@Test
	void rendersBatchedUpdateByCtid() {
		assertThat(dialect.updateBatch(null, "products", "new_column = compute_value(old_column)",
				"new_column IS NULL", 1000))
			.isEqualTo("UPDATE products SET new_column = compute_value(old_column) WHERE ctid = ANY (ARRAY(SELECT "
					+ "ctid FROM products WHERE new_column IS NULL LIMIT 1000)) AND (new_column IS NULL)");
	}

	@Test
	void knowsWhatCannotRunInATransaction() {
		assertThat(dialect.requiresNoTransaction(new DropIndex(null, "t", "ix", true, false))).isTrue();
		assertThat(dialect.requiresNoTransaction(new DropIndex(null, "t", "ix", false, false))).isFalse();
		assertThat(dialect.requiresNoTransaction(new Execute("-- build it\nCREATE UNIQUE INDEX CONCURRENTLY ix ON t (a)")))
			.isTrue();
		assertThat(dialect.requiresNoTransaction(new Execute("SELECT 1; /* vacuum */ VACUUM ANALYZE t"))).isTrue();
		assertThat(dialect.requiresNoTransaction(new Execute("CREATE INDEX ix ON t (concurrently)"))).isFalse();
		assertThat(dialect.requiresNoTransaction(new Execute("INSERT INTO t VALUES ('VACUUM')"))).isFalse();
		Operation addValue = new AddEnumValue(null, "status", "new", null, null, false);
		assertThat(dialect.requiresNoTransaction(addValue)).isFalse();
		assertThat(PostgresDialect.forVersion(11).requiresNoTransaction(addValue)).isTrue();
		assertThat(PostgresDialect.forVersion(11)
			.requiresNoTransaction(new Execute("ALTER TYPE status ADD VALUE 'new'"))).isTrue();
		assertThat(PostgresDialect.forVersion(15)).isSameAs(PostgresDialect.INSTANCE);
	}

	@Test
	void refusesConcurrentIndexWrittenAsSqlInTransactionalRevision() {
		Revision revision = Revision.builder("b1").source("b1_index.sql").build();
		List<Operation> recorded = new ArrayList<>();
		Operations op = new RecordingOperations(dialect, recorded::add, revision);
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> op.execute("CREATE INDEX CONCURRENTLY ix ON t (a)"))
			.withMessageStartingWith("Revision b1 (b1_index.sql) runs in a transaction")
			.withMessageContaining("'Transactional: false'");
		assertThat(recorded).isEmpty();
	}

	@Test
	void refusesEnumValueInTransactionalRevisionBeforePostgres12() {
		Dialect postgres11 = PostgresDialect.forVersion(11);
		List<Operation> recorded = new ArrayList<>();
		Operations transactional = new RecordingOperations(postgres11, recorded::add,
				Revision.builder("ord003").source("class db.revisions.AddReturned").build());
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> transactional.addEnumValue("order_status", "returned"))
			.withMessageStartingWith("Revision ord003 (class db.revisions.AddReturned) runs in a transaction")
			.withMessageContaining("on postgresql");
		new RecordingOperations(postgres11, recorded::add, Revision.builder("ord003").transactional(false).build())
			.addEnumValue("order_status", "returned");
		new RecordingOperations(dialect, recorded::add, Revision.builder("ord003").build())
			.addEnumValue("order_status", "returned");
		assertThat(recorded).hasSize(2);
	}

	@Test
	void createsPartialExpressionGinAndCoveringIndexes() {
		this.op.createTable("orders", (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey())
			.column("email", Type.string(100))
			.column("status", Type.string(20))
			.column("total", Type.numeric(10, 2))
			.column("tags", Type.jsonb())
			.column("created_at", Type.timestampTz()));
		this.op.createIndex("ix_orders_pending", "orders", List.of("created_at"), (i) -> i.where("status = 'pending'"));
		this.op.createIndex("ux_orders_email", "orders", (i) -> i.expression("lower(email)").unique());
		this.op.createIndex("ix_orders_tags", "orders", List.of("tags"), (i) -> i.using("gin"));
		this.op.createIndex("ix_orders_status", "orders", List.of("status"), (i) -> i.include("total"));
		assertThat(indexDefinition("ix_orders_pending")).endsWith("USING btree (created_at) WHERE ((status)::text = 'pending'::text)");
		assertThat(indexDefinition("ux_orders_email")).contains("UNIQUE INDEX").endsWith("(lower((email)::text))");
		assertThat(indexDefinition("ix_orders_tags")).endsWith("USING gin (tags)");
		assertThat(indexDefinition("ix_orders_status")).endsWith("(status) INCLUDE (total)");
		this.db.execute("INSERT INTO orders (id, email) VALUES (1, 'A@x')");
		assertRejected("INSERT INTO orders (id, email) VALUES (2, 'a@X')");
		for (String index : List.of("ix_orders_pending", "ux_orders_email", "ix_orders_tags", "ix_orders_status")) {
			this.op.dropIndex(index, "orders");
		}
		assertThat(catalog().indexes("orders")).containsOnlyKeys("orders_pkey");
	}

	private String indexDefinition(String index) {
		return (String) this.db.value("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
				+ "AND indexname = '" + index + "'");
	}

	@Test
	void convertsColumnTypeWithUsingAndBack() {
		this.op.createTable("items", (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey())
			.column("quantity", Type.string(10), (c) -> c.defaultValue("1")));
		this.db.execute("INSERT INTO items (id, quantity) VALUES (1, '42')");
		this.op.alterColumn("items", "quantity",
				(c) -> c.type(Type.integer()).using("quantity::integer").defaultValue(1));
		assertThat(catalog().column("items", "quantity").type()).isEqualTo("int4");
		assertThat(this.db.value("SELECT quantity FROM items")).isEqualTo(42);
		this.op.alterColumn("items", "quantity",
				(c) -> c.type(Type.string(10)).using("quantity::varchar").defaultValue("1"));
		assertThat(catalog().column("items", "quantity").type()).isEqualTo("varchar");
		assertThat(this.db.value("SELECT quantity FROM items")).isEqualTo("42");
	}

	@Test
	void mapsPortableTypes() {
		this.op.createTable("types", (t) -> t.column("a", Type.uuid())
			.column("b", Type.string())
			.column("c", Type.text())
			.column("d", Type.smallint())
			.column("e", Type.integer())
			.column("f", Type.bigint())
			.column("g", Type.numeric())
			.column("h", Type.real())
			.column("i", Type.doublePrecision())
			.column("j", Type.bool())
			.column("k", Type.date())
			.column("l", Type.time())
			.column("m", Type.timestamp())
			.column("n", Type.timestampTz())
			.column("o", Type.json())
			.column("p", Type.jsonb())
			.column("q", Type.bytes())
			.column("r", Type.raw("tsvector"))
			.column("s", Type.raw("integer[]")));
		assertThat(catalog().columns("types").values()).extracting(Catalog.ColumnInfo::type)
			.containsExactly("uuid", "varchar", "text", "int2", "int4", "int8", "numeric", "float4", "float8", "bool",
					"date", "time", "timestamp", "timestamptz", "json", "jsonb", "bytea", "tsvector", "_int4");
	}

	@Test
	void addsEnumValuesInPlace() {
		Type status = Type.enumType("order_status", "pending", "shipped");
		this.op.createEnum(status);
		this.op.addEnumValue("order_status", "delivered");
		this.op.addEnumValue("order_status", "confirmed", (v) -> v.before("shipped"));
		this.op.addEnumValue("order_status", "it's new", (v) -> v.after("pending"));
		this.op.addEnumValue("order_status", "delivered", (v) -> v.ifNotExists());
		assertThat(this.db.rows("SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
				+ "WHERE t.typname = 'order_status' ORDER BY e.enumsortorder"))
			.extracting((row) -> row.get(0))
			.containsExactly("pending", "it's new", "confirmed", "shipped", "delivered");
		this.op.dropEnum(status);
		assertThat(this.db.value("SELECT count(*) FROM pg_type WHERE typname = 'order_status'")).isEqualTo(0L);
	}

	@Test
	void createsAndDropsExtensions() {
		this.op.createExtension("uuid-ossp");
		this.op.createExtension("uuid-ossp");
		assertThat(this.db.value("SELECT count(*) FROM pg_extension WHERE extname = 'uuid-ossp'")).isEqualTo(1L);
		assertThat(this.db.value("SELECT uuid_generate_v4() IS NOT NULL")).isEqualTo(true);
		this.op.dropExtension("uuid-ossp");
		this.op.dropExtension("uuid-ossp");
		assertThat(this.db.value("SELECT count(*) FROM pg_extension WHERE extname = 'uuid-ossp'")).isEqualTo(0L);
	}

	@Test
	void createsDeferrableForeignKeys() {
		createCategories();
		this.op.createTable("products", (t) -> t.column("id", Type.uuid(), (c) -> c.primaryKey())
			.column("category_id", Type.uuid())
			.foreignKey(List.of("category_id"), "categories", List.of("id"),
					(fk) -> fk.name("fk_products_category").initiallyDeferred()));
		assertThat(this.db.value("SELECT condeferrable AND condeferred FROM pg_constraint "
				+ "WHERE conname = 'fk_products_category'")).isEqualTo(true);
	}

	@Test
	void placesObjectsInSchema() {
		this.db.execute("CREATE SCHEMA " + this.db.schema() + "_billing");
		Operations billing = this.op.inSchema(this.db.schema() + "_billing");
		try {
			Type currency = Type.enumType("currency", "EUR", "USD");
			billing.createEnum(currency);
			billing.createTable("invoices", (t) -> t.column("id", Type.integer(), (c) -> c.primaryKey())
				.column("currency", Type.raw(this.db.schema() + "_billing.currency")));
			billing.createIndex("ix_invoices_currency", "invoices", "currency");
			billing.addColumn("invoices", "total", Type.numeric(10, 2));
			billing.bulkInsert("invoices", List.of("id", "currency", "total"), List.of(List.of(1, "EUR", 10)));
			assertThat(this.db.value("SELECT total FROM " + this.db.schema() + "_billing.invoices").toString())
				.isEqualTo("10.00");
			billing.dropIndex("ix_invoices_currency", "invoices");
			billing.renameTable("invoices", "bills");
			billing.dropTable("bills");
			billing.dropEnum(currency);
			assertThat(this.db.value("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE n.nspname = '" + this.db.schema() + "_billing'")).isEqualTo(0L);
		}
		finally {
			this.db.execute("DROP SCHEMA " + this.db.schema() + "_billing CASCADE");
		}
	}

	@Test
	void keepsBackslashesWhateverStandardConformingStringsSays() {
		this.op.createTable("texts", (t) -> t.column("id", Type.integer()).column("value", Type.text()));
		String value = "C:\\temp\\'; DROP TABLE texts; --";
		this.op.bulkInsert("texts", List.of("id", "value"), List.of(List.of(1, value)));
		this.db.execute("SET standard_conforming_strings = off");
		this.db.execute("SET escape_string_warning = off");
		this.op.bulkInsert("texts", List.of("id", "value"), List.of(List.of(2, value)));
		this.db.execute("SET standard_conforming_strings = on");
		assertThat(this.db.rows("SELECT value FROM texts ORDER BY id")).extracting((row) -> row.get(0))
			.containsExactly(value, value);
	}

	@Test
	void reportsDialectFromConnectionWithServerVersion() {
		assertThat(this.db.dialect().name()).isEqualTo(Dialect.POSTGRESQL);
		assertThat(this.db.dialect().transactionalDdl()).isTrue();
		assertThat(Dialect.forUrl(this.db.url())).isSameAs(PostgresDialect.INSTANCE);
	}

	@Test
	void rollsBackDdlWithTransaction() throws Exception {
		this.db.connection().setAutoCommit(false);
		createCategories();
		this.op.addColumn("categories", "extra", Type.uuid(), (c) -> c.defaultValue(UUID.randomUUID()));
		this.db.connection().rollback();
		this.db.connection().setAutoCommit(true);
		assertThat(catalog().tables()).isEmpty();
	}

	@Test
	void rendersOperationBuiltAsRecord() {
		CreateIndex index = new CreateIndex(null, "t", "ix", List.of(CreateIndex.Element.column("a")), false, null,
				null, List.of(), false, false);
		assertThat(dialect.render(index)).containsExactly("CREATE INDEX ix ON t (a)");
	}

}

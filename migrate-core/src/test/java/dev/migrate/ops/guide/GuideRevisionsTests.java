package dev.migrate.ops.guide;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.dialect.Scratch;
import dev.migrate.ops.Operations;
import dev.migrate.revision.Revision;
import dev.migrate.source.JavaRevisions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The revisions of the Alembic guide our users follow, written as Java revisions, run up
 * and down on PostgreSQL with the data checked after each step. Each revision runs as the
 * runtime runs it online: its operations executed at once on one connection, in a
 * transaction of its own unless it is declared non-transactional.
 */
class GuideRevisionsTests {

	static final List<Class<? extends Migration>> REVISIONS = List.of(CreateUsersAndCategories.class,
			AddProducts.class, AddFullTextSearch.class, MigrateRolesToPermissions.class, EnableExtensions.class,
			AddOrderStatus.class, AddPendingOrdersIndex.class, BackfillPriceCents.class);

	private Scratch db;

	@BeforeEach
	void createScratch() {
		this.db = Scratch.postgres();
	}

	@AfterEach
	void dropScratch() throws SQLException {
		this.db.close();
	}

	private void upgrade(Class<? extends Migration> type) {
		run(type, true);
	}

	private void downgrade(Class<? extends Migration> type) {
		run(type, false);
	}

	private void run(Class<? extends Migration> type, boolean upgrade) {
		Revision revision = JavaRevisions.of(type);
		Operations op = this.db.op(revision);
		try {
			this.db.connection().setAutoCommit(!revision.isTransactional());
			if (upgrade) {
				revision.migration().upgrade(op);
			}
			else {
				revision.migration().downgrade(op);
			}
			if (revision.isTransactional()) {
				this.db.connection().commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (RuntimeException ex) {
			try {
				this.db.connection().rollback();
			}
			catch (SQLException rollback) {
				ex.addSuppressed(rollback);
			}
			throw ex;
		}
		finally {
			try {
				this.db.connection().setAutoCommit(true);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Test
	void runsGuideRevisionsUpAndDownWithTheirData() {
		upgrade(CreateUsersAndCategories.class);
		UUID admin = user("admin@example.com", "admin");
		UUID editor = user("editor@example.com", "editor");
		UUID viewer = user("viewer@example.com", "viewer");
		UUID guest = user("guest@example.com", "guest");
		UUID tools = UUID.randomUUID();
		this.db.execute("INSERT INTO categories (id, name) VALUES ('" + tools + "', 'tools')");

		upgrade(AddProducts.class);
		product("H-1", "Claw hammer", "A hammer for nails", "12.50", tools);
		assertRejected("DELETE FROM categories");
		assertRejected("INSERT INTO products (id, name, sku, price, category_id) VALUES (gen_random_uuid(), 'x', 'H-1', 1, '"
				+ tools + "')");
		assertThat(indexes("products")).contains("ix_products_category_id", "ix_products_created_at");

		upgrade(AddFullTextSearch.class);
		assertThat(this.db.value("SELECT search_vector::text FROM products WHERE sku = 'H-1'").toString())
			.contains("'hammer':2A");
		product("S-1", "Hand saw", "Cuts wood; sharp", "20.00", tools);
		assertThat(this.db.rows("SELECT sku FROM products WHERE search_vector @@ to_tsquery('english', 'wood')"))
			.containsExactly(List.of("S-1"));
		assertThat(indexes("products")).contains("ix_products_search_vector");

		upgrade(MigrateRolesToPermissions.class);
		assertThat(permissions(admin)).containsExactly("admin", "delete", "read", "write");
		assertThat(permissions(editor)).containsExactly("read", "write");
		assertThat(permissions(viewer)).containsExactly("read");
		assertThat(permissions(guest)).containsExactly("read");
		assertThat(columns("users")).containsExactly("id", "email");

		upgrade(EnableExtensions.class);
		assertThat(this.db.value("SELECT uuid_generate_v4() IS NOT NULL")).isEqualTo(true);
		assertThat(this.db.value("SELECT similarity('hammer', 'hammers') > 0.5")).isEqualTo(true);

		upgrade(AddOrderStatus.class);
		this.db.execute("INSERT INTO orders (id, user_id, status) VALUES (gen_random_uuid(), '" + admin + "', 'pending')");
		this.db.execute("INSERT INTO orders (id, user_id, status) VALUES (gen_random_uuid(), '" + admin + "', 'shipped')");
		assertRejected("INSERT INTO orders (id, user_id, status) VALUES (gen_random_uuid(), '" + admin + "', 'lost')");
		assertRejected("INSERT INTO orders (id, user_id) VALUES (gen_random_uuid(), '" + admin + "')");

		upgrade(AddPendingOrdersIndex.class);
		assertThat(this.db.value("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_orders_pending'").toString())
			.endsWith("(created_at) WHERE (status = 'pending'::order_status)");

		this.db.execute("INSERT INTO products (id, name, sku, price, category_id) SELECT gen_random_uuid(), "
				+ "'Bolt ' || i, 'B-' || i, i + 0.25, '" + tools + "' FROM generate_series(0, 2499) AS i");
		upgrade(BackfillPriceCents.class);
		assertThat(this.db.value("SELECT count(*) FROM products WHERE price_cents IS NULL")).isEqualTo(0L);
		assertThat(this.db.value("SELECT price_cents FROM products WHERE sku = 'B-17'")).isEqualTo(1725L);

		downgrade(BackfillPriceCents.class);
		assertThat(columns("products")).doesNotContain("price_cents");

		downgrade(AddPendingOrdersIndex.class);
		assertThat(indexes("orders")).doesNotContain("ix_orders_pending");

		downgrade(AddOrderStatus.class);
		assertThat(columns("orders")).doesNotContain("status");
		assertThat(this.db.value("SELECT count(*) FROM pg_type WHERE typname = 'order_status'")).isEqualTo(0L);

		downgrade(EnableExtensions.class);
		assertThat(this.db.value("SELECT count(*) FROM pg_extension WHERE extname = 'uuid-ossp'")).isEqualTo(1L);

		downgrade(MigrateRolesToPermissions.class);
		assertThat(roles()).containsEntry(admin, "admin")
			.containsEntry(editor, "editor")
			.containsEntry(viewer, "viewer")
			.containsEntry(guest, "viewer");
		assertThat(tables()).doesNotContain("permissions");
		this.db.execute("INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'new@example.com')");
		assertThat(this.db.value("SELECT role FROM users WHERE email = 'new@example.com'")).isEqualTo("viewer");

		downgrade(AddFullTextSearch.class);
		assertThat(columns("products")).doesNotContain("search_vector");
		assertThat(this.db.value("SELECT count(*) FROM pg_trigger WHERE tgname = 'products_search_vector_trigger'"))
			.isEqualTo(0L);
		product("S-2", "Saw", "still works", "1", tools);

		downgrade(AddProducts.class);
		assertThat(tables()).containsExactlyInAnyOrder("users", "categories", "orders");

		downgrade(CreateUsersAndCategories.class);
		assertThat(tables()).isEmpty();
	}

	@Test
	void rollsBackDataMigrationThatFailsHalfway() {
		upgrade(CreateUsersAndCategories.class);
		upgrade(AddProducts.class);
		upgrade(AddFullTextSearch.class);
		user("admin@example.com", "admin");
		this.db.execute("CREATE VIEW user_roles AS SELECT role FROM users");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> upgrade(MigrateRolesToPermissions.class))
			.withMessageContaining("DROP COLUMN role");
		assertThat(columns("users")).contains("role");
		assertThat(tables()).doesNotContain("permissions");
	}

	private UUID user(String email, String role) {
		UUID id = UUID.randomUUID();
		this.db.execute("INSERT INTO users (id, email, role) VALUES ('" + id + "', '" + email + "', '" + role + "')");
		return id;
	}

	private void product(String sku, String name, String description, String price, UUID category) {
		this.db.execute("INSERT INTO products (id, name, description, sku, price, category_id) VALUES "
				+ "(gen_random_uuid(), '" + name + "', " + ((description != null) ? "'" + description + "'" : "NULL")
				+ ", '" + sku + "', " + new BigDecimal(price) + ", '" + category + "')");
	}

	private void assertRejected(String sql) {
		assertThatExceptionOfType(AssertionError.class).as(sql).isThrownBy(() -> this.db.execute(sql));
	}

	private List<String> permissions(UUID user) {
		return this.db.rows("SELECT permission FROM permissions WHERE user_id = '" + user + "' ORDER BY permission")
			.stream()
			.map((row) -> (String) row.get(0))
			.toList();
	}

	private Map<UUID, String> roles() {
		return this.db.rows("SELECT id, role FROM users")
			.stream()
			.collect(Collectors.toMap((row) -> (UUID) row.get(0), (row) -> (String) row.get(1)));
	}

	private List<String> tables() {
		return names("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
	}

	private List<String> columns(String table) {
		return names("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
				+ "AND table_name = '" + table + "' ORDER BY ordinal_position");
	}

	private List<String> indexes(String table) {
		return names("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '" + table
				+ "'");
	}

	private List<String> names(String query) {
		List<String> names = new ArrayList<>();
		for (List<Object> row : this.db.rows(query)) {
			names.add((String) row.get(0));
		}
		return names;
	}

}

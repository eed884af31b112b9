package dev.migrate.ops.guide;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.migrate.DryRun;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.dialect.Scratch;
import dev.migrate.revision.Step.Direction;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guide's Java revisions loaded from their package and run by {@link Migrator}, as an
 * application or the CLI runs them: up and down through the version table on PostgreSQL
 * with the data checked on the way, and rendered into an offline script ({@code --sql}).
 */
class GuideMigratorTests {

	private static final String LOCATION = "classpath:dev/migrate/ops/guide";

	private Scratch db;

	@TempDir
	Path temp;

	@BeforeEach
	void createScratch() {
		this.db = Scratch.postgres();
	}

	@AfterEach
	void dropScratch() throws SQLException {
		this.db.close();
	}

	private Migrator migrator() {
		return Migrator.builder().url(this.db.url(), this.db.user(), this.db.password()).locations(LOCATION).build();
	}

	@Test
	void upgradesAndDowngradesThroughTheVersionTable() {
		Migrator migrator = migrator();
		assertThat(migrator.heads()).containsExactly("bat001");
		DryRun plan = migrator.plan(Direction.UPGRADE, "heads");
		assertThat(plan.steps()).hasSize(8);
		assertThat(plan.steps().get(1).sql()).contains("CREATE INDEX ix_products_category_id ON products (category_id)");
		assertThat(plan.steps().get(3).sql()).singleElement().asString().contains("mig001 reads the database");

		migrator.upgrade("def456");
		UUID admin = UUID.randomUUID();
		UUID editor = UUID.randomUUID();
		UUID tools = UUID.randomUUID();
		this.db.execute("INSERT INTO users (id, email, role) VALUES ('" + admin + "', 'a@example.com', 'admin'), ('"
				+ editor + "', 'e@example.com', 'editor')");
		this.db.execute("INSERT INTO categories (id, name) VALUES ('" + tools + "', 'tools')");

		migrator.upgrade("abc123");
		this.db.execute("INSERT INTO products (id, name, description, sku, price, category_id) SELECT "
				+ "gen_random_uuid(), 'Bolt ' || i, 'steel', 'B-' || i, i + 0.5, '" + tools + "' "
				+ "FROM generate_series(1, 1500) AS i");

		migrator.upgrade("mig001");
		assertThat(this.db.value("SELECT count(*) FROM permissions WHERE user_id = '" + admin + "'")).isEqualTo(4L);
		assertThat(this.db.value("SELECT count(*) FROM products WHERE search_vector @@ to_tsquery('steel')"))
			.isEqualTo(1500L);

		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("bat001");
		assertThat(this.db.value("SELECT price_cents FROM products WHERE sku = 'B-7'")).isEqualTo(750L);
		this.db.execute("INSERT INTO orders (id, user_id, status) VALUES (gen_random_uuid(), '" + admin + "', 'pending')");
		assertThat(migrator.history()).hasSizeGreaterThanOrEqualTo(8);

		migrator.downgrade("mig001");
		assertThat(migrator.current()).containsExactly("mig001");
		assertThat(this.db.value("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
				+ " AND column_name IN ('price_cents', 'status')")).isEqualTo(0L);

		migrator.downgrade("xyz789");
		assertThat(this.db.rows("SELECT role FROM users ORDER BY email")).containsExactly(List.of("admin"),
				List.of("editor"));

		migrator.downgrade("base");
		assertThat(migrator.current()).isEmpty();
		assertThat(this.db.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = "
				+ "current_schema() ORDER BY 1")).containsExactly(List.of(Migrator.DEFAULT_HISTORY_TABLE),
						List.of(Migrator.DEFAULT_TABLE), List.of(Migrator.DEFAULT_TABLE + "_fingerprint"));
	}

	@Test
	void rendersSchemaRevisionsOfflineAndRefusesTheDataMigration() throws Exception {
		Migrator offline = Migrator.builder().dialect("postgresql").locations(LOCATION).build();
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> offline.sql(Direction.UPGRADE, "base:heads"))
			.withMessageContaining("mig001")
			.withMessageContaining(MigrateRolesToPermissions.class.getName());

		String script = offline.sql(Direction.UPGRADE, "base:xyz789");
		assertThat(script).contains("CREATE INDEX ix_products_search_vector ON products USING gin (search_vector)")
			.contains("$$ LANGUAGE plpgsql");
		try (Scratch online = Scratch.postgres()) {
			Migrator.builder()
				.url(online.url(), online.user(), online.password())
				.locations(LOCATION)
				.build()
				.upgrade("xyz789");
			runScript(this.db, script);
			assertThat(schema(this.db)).isEqualTo(schema(online)).isNotEmpty();
			assertThat(migrator().current()).containsExactly("xyz789");
		}
	}

	private void runScript(Scratch target, String script) throws Exception {
		if (OfflineScriptTests.psqlAvailable()) {
			Path file = this.temp.resolve("upgrade.sql");
			Files.writeString(file, script, StandardCharsets.UTF_8);
			Process process = OfflineScriptTests.psql(target, file).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("psql output:%n%s%nscript:%n%s", output, script).isZero();
		}
		else {
			for (SqlStatement statement : SqlSplitter.split(script)) {
				target.execute(statement.sql());
			}
		}
	}

	private static List<List<Object>> schema(Scratch db) {
		return db.rows("SELECT table_name, column_name, udt_name, is_nullable, column_default "
				+ "FROM information_schema.columns WHERE table_schema = current_schema() "
				+ "ORDER BY table_name, ordinal_position");
	}

}

package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The database commands through the built {@code migrate-cli.jar}, on an H2 file database and on PostgreSQL. */
class DatabaseCommandsIT {

	@TempDir
	Path dir;

	@BeforeEach
	void jarIsBuilt() {
		MigrateJar.assertBuilt();
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
	}

	@Test
	void upgradeCurrentCheckDowngradeAndStampOnAnH2File() {
		MigrateJar jar = new MigrateJar(this.dir).env("MIGRATE_URL", "jdbc:h2:file:./target/app")
			.env("MIGRATE_USER", "sa");
		assertThat(jar.ok("upgrade", "heads").err()).isEqualTo("Running upgrade  -> a1, create users" + nl()
				+ "Running upgrade a1 -> b2, add orders" + nl() + "Running upgrade b2 -> c3, add order index" + nl());
		assertThat(jar.ok("current").out()).isEqualTo("c3 (head)" + nl());
		assertThat(JsonParser.parseArrayOfObjects(jar.ok("current", "--format", "json").out())).singleElement()
			.satisfies((revision) -> assertThat(revision).containsEntry("id", "c3").containsEntry("isCurrent", true));
		assertThat(jar.ok("check").out()).isEqualTo("The database is at the heads: c3" + nl());

		List<Map<String, Object>> planned = JsonParser
			.parseArrayOfObjects(jar.ok("downgrade", "base", "--dry-run", "--format", "json").out());
		assertThat(planned).extracting((step) -> step.get("revision")).containsExactly("c3", "b2", "a1");
		assertThat(planned.get(0)).containsEntry("direction", "downgrade")
			.containsEntry("from", List.of("c3"))
			.containsEntry("to", List.of("b2"))
			.containsEntry("sql", List.of("DROP INDEX orders_user"));

		assertThat(jar.ok("downgrade", "-1").err()).isEqualTo("Running downgrade c3 -> b2, add order index" + nl());
		Result behind = jar.run("check");
		assertThat(behind.exitCode()).isEqualTo(1);
		assertThat(behind.err()).isEqualTo("ERROR: The database is not up to date: it is at b2, the revisions' heads "
				+ "are c3; 1 pending: c3. Run 'upgrade heads'" + nl());
		assertThat(jar.run("current", "--check-heads").exitCode()).isEqualTo(1);
		assertThat(jar.ok("history", "--indicate-current").out()).contains("a1 -> b2 (current), add orders" + nl());

		assertThat(jar.ok("stamp", "heads").err()).isEqualTo("Running stamp b2 -> c3" + nl());
		assertThat(jar.ok("show", "current").out()).startsWith("Rev: c3 (head)" + nl());
	}

	@Test
	@PostgresTest
	void failedRevisionAndOfflineScriptOnPostgres(TestDatabase database) {
		new RevisionFiles(this.dir.resolve("db/revisions")).sql("d4", "add prices", "c3",
				"CREATE TABLE prices (id int);\nINSERT INTO prices VALUES ('not a number');", "DROP TABLE prices;");
		MigrateJar jar = new MigrateJar(this.dir).database(database);
		assertThat(jar.ok("upgrade", "base:heads", "--sql").out()).contains("BEGIN;", "CREATE TABLE prices (id int);",
				"COMMIT;");

		Result failed = jar.run("upgrade", "heads");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.out()).isEmpty();
		assertThat(failed.err()).contains("Running upgrade c3 -> d4, add prices" + nl(),
				"ERROR: Upgrade c3 -> d4 (add prices) failed at db/revisions/d4_add_prices.sql:9" + nl(),
				"statement: INSERT INTO prices VALUES ('not a number')", "SQLState 22P02",
				"invalid input syntax for type integer", "The revision was rolled back; the database stays at c3")
			.doesNotContain("\tat ");
		assertThat(jar.ok("current").out()).isEqualTo("c3" + nl());
		DatabaseCli db = new DatabaseCli(database, this.dir);
		assertThat(db.hasTable("prices")).isFalse();
	}

	private static String nl() {
		return System.lineSeparator();
	}

}

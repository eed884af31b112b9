package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;
import dev.migrate.testing.TestDatabase.Engine;

import static org.assertj.core.api.Assertions.assertThat;

class DowngradeCommandTests {

	@RegisterExtension
	static final Databases databases = new Databases();

	@TempDir
	Path dir;

	private DatabaseCli upgraded(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		RevisionFiles.linear(db.revisions());
		db.ok("upgrade", "heads");
		return db;
	}

	@OnEachDatabase
	void downgradesToBasePrintingEachStep(Engine engine) {
		DatabaseCli db = upgraded(engine);
		Result result = db.ok("downgrade", "base");
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("""
				Running downgrade c3 -> b2, add order index
				Running downgrade b2 -> a1, add orders
				Running downgrade a1 -> , create users
				""");
		assertThat(db.versions()).isEmpty();
		assertThat(db.tables()).doesNotContain("users", "orders").contains("migrate_history", "migrate_version");
		assertThat(db.ok("downgrade", "base").err()).isEqualTo("Nothing to downgrade: the database is at base\n");
	}

	@OnEachDatabase
	void downgradesOneStepThenToARevision(Engine engine) {
		DatabaseCli db = upgraded(engine);
		assertThat(db.ok("downgrade", "-1").err()).isEqualTo("Running downgrade c3 -> b2, add order index\n");
		assertThat(db.versions()).containsExactly("b2");
		db.ok("downgrade", "a1");
		assertThat(db.versions()).containsExactly("a1");
		assertThat(db.hasTable("orders")).isFalse();
		assertThat(db.hasTable("users")).isTrue();
	}

	@OnEachDatabase
	void printsTheStepsThatRanAsJson(Engine engine) {
		DatabaseCli db = upgraded(engine);
		List<Map<String, Object>> steps = JsonParser
			.parseArrayOfObjects(db.ok("downgrade", "a1", "--format", "json").out());
		assertThat(steps).extracting((step) -> step.get("revision")).containsExactly("c3", "b2");
		assertThat(steps.get(1)).containsEntry("direction", "downgrade")
			.containsEntry("from", List.of("b2"))
			.containsEntry("to", List.of("a1"))
			.containsEntry("headsAfter", List.of("a1"));
	}

	@OnEachDatabase
	void dryRunShowsTheStepsAndChangesNothing(Engine engine) {
		DatabaseCli db = upgraded(engine);
		assertThat(db.ok("downgrade", "b2", "--dry-run").out()).startsWith("""
				Would run downgrade c3 -> b2, add order index
				    DROP INDEX orders_user;
				""").endsWith("The database would be at b2\n");
		List<Map<String, Object>> steps = JsonParser
			.parseArrayOfObjects(db.ok("downgrade", "base", "--dry-run", "--format", "json").out());
		assertThat(steps).extracting((step) -> step.get("revision")).containsExactly("c3", "b2", "a1");
		assertThat(steps.get(2)).containsEntry("direction", "downgrade")
			.containsEntry("from", List.of("a1"))
			.containsEntry("to", List.of())
			.containsEntry("sql", List.of("DROP TABLE users"));
		assertThat(db.versions()).containsExactly("c3");
		assertThat(db.hasTable("orders")).isTrue();
	}

	@OnEachDatabase
	void sqlRendersARangeAndLeavesTheDatabaseAlone(Engine engine) {
		DatabaseCli db = upgraded(engine);
		Result result = db.ok("downgrade", "c3:a1", "--sql");
		assertThat(result.out()).contains("DROP INDEX orders_user;", "DROP TABLE orders;")
			.doesNotContain("DROP TABLE users");
		assertThat(db.versions()).containsExactly("c3");
	}

	@OnEachDatabase
	void sqlNeedsARange(Engine engine) {
		DatabaseCli db = upgraded(engine);
		assertThat(db.fails("downgrade", "base", "--sql").err()).contains("needs a range <from>:<to>", "'base'");
	}

	@OnEachDatabase
	void rangeWithoutSqlIsRefused(Engine engine) {
		DatabaseCli db = upgraded(engine);
		assertThat(db.fails("downgrade", "c3:a1").err()).contains("Range revision not allowed");
		assertThat(db.versions()).containsExactly("c3");
	}

	@OnEachDatabase
	void downgradeThroughARevisionWithoutDowngradeFailsNamingIt(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		new RevisionFiles(db.revisions()).sql("a1", "create users", "", "CREATE TABLE users (id int);",
				"DROP TABLE users;")
			.write("b2_one_way.sql", """
					-- one way
					--
					-- Revision ID: b2
					-- Revises: a1

					-- migrate:upgrade
					CREATE TABLE one_way (id int);
					""");
		db.ok("upgrade", "heads");
		Result result = db.fails("downgrade", "base");
		assertThat(result.err()).contains("b2", "db/revisions/b2_one_way.sql");
		assertThat(db.versions()).containsExactly("b2");
		assertThat(db.hasTable("users")).isTrue();
	}

	@Test
	void needsADatabaseUrl() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("downgrade", "base");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: downgrade needs a database");
	}

}

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

class UpgradeCommandTests {

	@RegisterExtension
	static final Databases databases = new Databases();

	@TempDir
	Path dir;

	private DatabaseCli db(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		RevisionFiles.linear(db.revisions());
		return db;
	}

	@OnEachDatabase
	void upgradesToTheHeadsPrintingEachStepAsAlembicDoes(Engine engine) {
		DatabaseCli db = db(engine);
		Result result = db.ok("upgrade", "heads");
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("""
				Running upgrade  -> a1, create users
				Running upgrade a1 -> b2, add orders
				Running upgrade b2 -> c3, add order index
				""");
		assertThat(db.versions()).containsExactly("c3");
		assertThat(db.tables()).contains("users", "orders", "migrate_version", "migrate_history");
	}

	@OnEachDatabase
	void upgradesToARevisionThenOneMore(Engine engine) {
		DatabaseCli db = db(engine);
		assertThat(db.ok("upgrade", "a1").err()).isEqualTo("Running upgrade  -> a1, create users\n");
		assertThat(db.versions()).containsExactly("a1");
		assertThat(db.ok("upgrade", "+1").err()).isEqualTo("Running upgrade a1 -> b2, add orders\n");
		assertThat(db.versions()).containsExactly("b2");
		assertThat(db.hasTable("orders")).isTrue();
	}

	@OnEachDatabase
	void saysThereIsNothingToDoAtTheHeads(Engine engine) {
		DatabaseCli db = db(engine);
		db.ok("upgrade", "heads");
		Result again = db.ok("upgrade", "head");
		assertThat(again.out()).isEmpty();
		assertThat(again.err()).isEqualTo("Nothing to upgrade: the database is at c3\n");
	}

	@OnEachDatabase
	void printsTheStepsThatRanAsJson(Engine engine) {
		DatabaseCli db = db(engine);
		db.ok("upgrade", "a1");
		Result result = db.ok("upgrade", "heads", "--format", "json");
		List<Map<String, Object>> steps = JsonParser.parseArrayOfObjects(result.out());
		assertThat(steps).extracting((step) -> step.get("revision")).containsExactly("b2", "c3");
		assertThat(steps.get(0)).containsEntry("direction", "upgrade")
			.containsEntry("from", List.of("a1"))
			.containsEntry("to", List.of("b2"))
			.containsEntry("message", "add orders")
			.containsEntry("isStamp", false);
		assertThat(result.err()).contains("Running upgrade a1 -> b2, add orders");
		assertThat(JsonParser.parseArrayOfObjects(db.ok("upgrade", "heads", "--format", "json").out())).isEmpty();
	}

	@OnEachDatabase
	void dryRunShowsTheStepsAndTheirSqlAndChangesNothing(Engine engine) {
		DatabaseCli db = db(engine);
		Result result = db.ok("upgrade", "b2", "--dry-run");
		assertThat(result.out()).startsWith("""
				Would run upgrade  -> a1, create users
				    CREATE TABLE users (id int PRIMARY KEY, name varchar(100));
				""")
			.contains("Would run upgrade a1 -> b2, add orders\n",
					"    CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\n")
			.containsPattern("(?i)insert into migrate_version .*'a1'")
			.endsWith("The database would be at b2\n");
		assertThat(db.tables()).isEmpty();
	}

	@OnEachDatabase
	void dryRunPrintsStepsWithTheirSqlAsJson(Engine engine) {
		DatabaseCli db = db(engine);
		db.ok("upgrade", "a1");
		List<Map<String, Object>> steps = JsonParser
			.parseArrayOfObjects(db.ok("upgrade", "heads", "--dry-run", "--format", "json").out());
		assertThat(steps).extracting((step) -> step.get("revision")).containsExactly("b2", "c3");
		assertThat(steps.get(1)).containsEntry("direction", "upgrade")
			.containsEntry("from", List.of("b2"))
			.containsEntry("to", List.of("c3"))
			.containsEntry("sql", List.of("CREATE INDEX orders_user ON orders (user_id)"));
		assertThat((List<?>) steps.get(1).get("versionSql")).singleElement()
			.asString()
			.containsIgnoringCase("update migrate_version");
		assertThat(db.versions()).containsExactly("a1");
	}

	@OnEachDatabase
	void dryRunAtTheHeadsSaysThereIsNothingToDo(Engine engine) {
		DatabaseCli db = db(engine);
		db.ok("upgrade", "heads");
		assertThat(db.ok("upgrade", "heads", "--dry-run").out())
			.isEqualTo("Nothing to upgrade: the database is at c3\n");
	}

	@OnEachDatabase
	void sqlPrintsTheScriptAndLeavesTheDatabaseAlone(Engine engine) {
		DatabaseCli db = db(engine);
		Result result = db.ok("upgrade", "base:heads", "--sql");
		assertThat(result.out()).contains("CREATE TABLE users (id int PRIMARY KEY, name varchar(100));",
				"CREATE INDEX orders_user ON orders (user_id);")
			.containsPattern("(?i)create table (if not exists )?migrate_version")
			.containsPattern("(?i)insert into migrate_version .*'a1'");
		assertThat(db.tables()).isEmpty();
		assertThat(db.ok("upgrade", "a1:b2", "--sql").out()).contains("CREATE TABLE orders")
			.doesNotContain("CREATE TABLE users");
		assertThat(db.ok("upgrade", "heads", "--sql").out()).contains("CREATE TABLE users");
	}

	@OnEachDatabase
	void rangeWithoutSqlIsRefused(Engine engine) {
		DatabaseCli db = db(engine);
		assertThat(db.fails("upgrade", "a1:b2").err()).contains("Range revision not allowed", "'a1:b2'", "--sql");
		assertThat(db.tables()).isEmpty();
	}

	@OnEachDatabase
	void unknownTargetCreatesNothing(Engine engine) {
		DatabaseCli db = db(engine);
		assertThat(db.fails("upgrade", "fff999").err()).contains("fff999");
		if (engine == Engine.H2) {
			// the table lease H2 locks with is taken before the heads are read, and released empty
			assertThat(db.tables()).containsExactly("migrate_version_lock");
			assertThat(db.strings("SELECT count(*) FROM migrate_version_lock")).containsExactly("0");
		}
		else {
			assertThat(db.tables()).isEmpty();
		}
	}

	@OnEachDatabase
	void unknownTargetChangesNothing(Engine engine) {
		DatabaseCli db = db(engine);
		db.ok("upgrade", "a1");
		Snapshot before = Snapshot.of(db);
		assertThat(db.fails("upgrade", "fff999").err()).contains("fff999");
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@OnEachDatabase
	void ambiguousPrefixChangesNothing(Engine engine) {
		DatabaseCli db = db(engine);
		new RevisionFiles(db.revisions()).sql("abcd1", "one", "c3", "SELECT 1;", "")
			.sql("abcd2", "two", "c3", "SELECT 1;", "");
		db.ok("upgrade", "a1");
		Snapshot before = Snapshot.of(db);
		assertThat(db.fails("upgrade", "abcd").err()).contains("abcd", "abcd1", "abcd2");
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@OnEachDatabase
	void headWithSeveralHeadsChangesNothing(Engine engine) {
		DatabaseCli db = db(engine);
		new RevisionFiles(db.revisions()).sql("x2", "other branch", "a1", "SELECT 1;", "");
		db.ok("upgrade", "a1");
		Snapshot before = Snapshot.of(db);
		assertThat(db.fails("upgrade", "head").err()).contains("head", "c3", "x2");
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@OnEachDatabase
	void graphErrorInTheFilesChangesNothing(Engine engine) {
		DatabaseCli db = db(engine);
		db.ok("upgrade", "a1");
		Snapshot before = Snapshot.of(db);
		new RevisionFiles(db.revisions()).sql("d4", "broken", "0badc0ffee00", "SELECT 1;", "");
		assertThat(db.fails("upgrade", "heads").err()).contains("0badc0ffee00", "db/revisions/d4_broken.sql");
		assertThat(Snapshot.of(db)).isEqualTo(before);
	}

	@OnEachDatabase
	void failingStatementRollsItsRevisionBackAndKeepsTheEarlierOnes(Engine engine) {
		DatabaseCli db = db(engine);
		new RevisionFiles(db.revisions()).sql("d4", "add prices", "c3",
				"CREATE TABLE prices (id int PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);",
				"DROP TABLE prices;");
		db.ok("upgrade", "a1");
		Result result = db.fails("upgrade", "heads");
		assertThat(result.err()).contains("Running upgrade b2 -> c3, add order index\n",
				"Running upgrade c3 -> d4, add prices\n");
		assertThat(result.err()).contains(
				"ERROR: Upgrade c3 -> d4 (add prices) failed at db/revisions/d4_add_prices.sql:9",
				"statement: INSERT INTO no_such_table VALUES (1)", "SQLState 42");
		assertThat(db.versions()).containsExactly("c3");
		if (engine == Engine.POSTGRESQL) {
			// H2 commits DDL as it runs, and says so
			assertThat(db.hasTable("prices")).isFalse();
		}
		assertThat(db.strings("SELECT revision FROM migrate_history WHERE success = false")).containsExactly("d4");
	}

	@OnEachDatabase
	void failedRunPrintsTheStepsDoneBeforeTheFailureAsJson(Engine engine) {
		DatabaseCli db = db(engine);
		new RevisionFiles(db.revisions()).sql("d4", "add prices", "c3", "INSERT INTO no_such_table VALUES (1);", "");
		db.ok("upgrade", "a1");
		Result result = db.fails("upgrade", "heads", "--format", "json");
		assertThat(JsonParser.parseArrayOfObjects(result.out())).extracting((step) -> step.get("revision"))
			.containsExactly("b2", "c3");
		assertThat(result.err()).contains("ERROR: Upgrade c3 -> d4 (add prices) failed");
	}

	@Test
	void sqlRendersForADialectWithoutADatabase() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Cli cli = new Cli(this.dir);
		Result result = cli.run("upgrade", "heads", "--sql", "--dialect", "postgresql");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("BEGIN;", "CREATE TABLE users", "COMMIT;");
		Result noDialect = cli.run("upgrade", "heads", "--sql");
		assertThat(noDialect.exitCode()).isEqualTo(1);
		assertThat(noDialect.err()).startsWith("ERROR: upgrade --sql renders SQL for one kind of database")
			.contains("--dialect", "--url");
	}

	@Test
	void needsADatabaseUrl() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("upgrade", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("ERROR: upgrade needs a database: set its JDBC URL with --url (or "
				+ "MIGRATE_URL, or url in migrate.properties)\n");
	}

	@Test
	void sqlAndDryRunDoNotGoTogether() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("upgrade", "heads", "--sql", "--dry-run");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: --sql and --dry-run do not go together");
	}

	/** What a bad command must leave as it was: the tables, the version rows and the history's length. */
	record Snapshot(List<String> tables, List<String> versions, List<String> history) {

		static Snapshot of(DatabaseCli db) {
			return new Snapshot(db.tables(), db.versions(),
					db.hasTable("migrate_history") ? db.strings("SELECT count(*) FROM migrate_history") : List.of());
		}

	}

}

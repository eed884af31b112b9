package dev.migrate.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.IsolatedDatabases;
import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.DryRun;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.StepLog;
import dev.migrate.ops.LiveDatabaseRequiredException;
import dev.migrate.ops.Operations;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Step.Direction;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;
import dev.migrate.sql.SqlSyntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Offline scripts: rendered without a database, run later by a client. */
class ScriptWriterTests {

	@TempDir
	Path directory;

	@BeforeEach
	void revisions() throws Exception {
		write("a1.sql", """
				-- people
				-- Revision ID: a1

				-- migrate:upgrade
				CREATE TYPE mood AS ENUM ('happy', 'sad');
				CREATE TABLE people (id SERIAL PRIMARY KEY, name TEXT NOT NULL, mood mood, bio TEXT);

				-- migrate:downgrade
				DROP TABLE people;
				DROP TYPE mood;
				""");
		write("b2.sql", """
				-- stamp updates
				-- Revision ID: b2
				-- Revises: a1

				-- migrate:upgrade
				ALTER TABLE people ADD COLUMN updated_at TIMESTAMPTZ;
				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  NEW.updated_at := now(); -- a comment; with a semicolon
				  RETURN NEW;
				END;
				$$;
				CREATE TRIGGER people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION touch();

				-- migrate:downgrade
				DROP TRIGGER people_touch ON people;
				DROP FUNCTION touch();
				ALTER TABLE people DROP COLUMN updated_at;
				""");
		write("c3.sql", """
				-- index names
				-- Revision ID: c3
				-- Revises: b2
				-- Transactional: false

				-- migrate:upgrade
				CREATE INDEX CONCURRENTLY people_name ON people (name);

				-- migrate:downgrade
				DROP INDEX CONCURRENTLY people_name;
				""");
		write("d4.sql", """
				-- search
				-- Revision ID: d4
				-- Revises: c3

				-- migrate:upgrade
				CREATE INDEX people_happy ON people (name) WHERE mood = 'happy';
				CREATE INDEX people_bio ON people USING gin (to_tsvector('english', coalesce(bio, '')));

				-- migrate:downgrade
				DROP INDEX people_bio;
				DROP INDEX people_happy;
				""");
	}

	private void write(String name, String content) throws Exception {
		Files.writeString(this.directory.resolve(name), content);
	}

	private Migrator.Builder offline(String dialect) {
		return Migrator.builder().dialect(dialect).locations("filesystem:" + this.directory);
	}

	@Test
	void upgradeScriptWrapsEachTransactionalRevisionAndLeavesTheOthersBare() {
		String script = offline("postgresql").build().sql(Direction.UPGRADE, "base:heads");
		assertThat(script).startsWith("-- upgrade base:heads, rendered by migrate for postgresql\n\n"
				+ "CREATE TABLE IF NOT EXISTS migrate_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT"
				+ " migrate_version_pkc PRIMARY KEY (version_num));\n\n"
				+ "CREATE TABLE IF NOT EXISTS migrate_history (");
		assertThat(script).contains("""
				-- Running upgrade b2 -> c3, index names

				CREATE INDEX CONCURRENTLY people_name ON people (name);

				UPDATE migrate_version SET version_num = 'c3' WHERE version_num = 'b2';

				INSERT INTO migrate_history (revision, operation, from_heads, to_heads, message, checksum, \
				installed_by, started_at, duration_ms, success) VALUES ('c3', 'upgrade', 'b2', 'c3', 'index names', '""");
		assertThat(script).contains("""
				-- Running upgrade  -> a1, people

				BEGIN;

				CREATE TYPE mood AS ENUM ('happy', 'sad');
				""");
		assertThat(script).contains("INSERT INTO migrate_version (version_num) VALUES ('a1');");
		assertThat(count(script, "BEGIN;\n")).isEqualTo(3);
		assertThat(count(script, "COMMIT;\n")).isEqualTo(3);
		assertThat(script).contains("session_user || '@' || coalesce(host(inet_client_addr()), 'localhost'), "
				+ "CURRENT_TIMESTAMP, NULL, TRUE);");
	}

	@Test
	void upgradeWithoutAStartBeginsAtBaseAndARangeStartsAtItsLowerEnd() {
		Migrator migrator = offline("postgresql").build();
		assertThat(migrator.sql(Direction.UPGRADE, "heads")).isEqualTo(migrator.sql(Direction.UPGRADE, "base:heads"));
		String range = migrator.sql(Direction.UPGRADE, "b2:d4");
		assertThat(range).doesNotContain("CREATE TYPE mood").contains("-- Running upgrade b2 -> c3")
			.contains("-- Running upgrade c3 -> d4");
	}

	@Test
	void downgradeNeedsARange() {
		Migrator migrator = offline("postgresql").build();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.sql(Direction.DOWNGRADE, "base"))
			.withMessageContaining("needs a range <from>:<to>");
		String script = migrator.sql(Direction.DOWNGRADE, "d4:a1");
		assertThat(script).contains("-- Running downgrade d4 -> c3, search")
			.contains("DROP INDEX CONCURRENTLY people_name;")
			.contains("UPDATE migrate_version SET version_num = 'a1' WHERE version_num = 'b2';")
			.doesNotContain("DROP TYPE mood");
	}

	@Test
	void databasesWithoutTransactionalDdlGetNoTransactionStatements() {
		String script = offline("h2").build().sql(Direction.UPGRADE, "a1");
		assertThat(script).doesNotContain("BEGIN;").doesNotContain("COMMIT;")
			.contains("CURRENT_USER || '@localhost', CURRENT_TIMESTAMP, NULL, TRUE);");
	}

	@Test
	void stampScriptMovesVersionRowsOnly() {
		Migrator migrator = offline("postgresql").build();
		String script = migrator.stampSql(List.of("b2"));
		assertThat(script).contains("INSERT INTO migrate_version (version_num) VALUES ('b2');")
			.doesNotContain("CREATE TYPE");
		assertThat(migrator.stampSql(List.of("b2:d4"))).contains(
				"UPDATE migrate_version SET version_num = 'd4' WHERE version_num = 'b2';");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator.stampSql(List.of("a1:b2", "b2:c3")))
			.withMessageContaining("one revision");
	}

	@Test
	void offlineScriptGivesTheSameSchemaAsTheOnlineUpgrade() throws Exception {
		try (IsolatedDatabase online = IsolatedDatabases.postgres(); IsolatedDatabase offline = IsolatedDatabases.postgres()) {
			// without the fingerprint table, which only online upgrades keep
			Migrator.builder().dataSource(online.dataSource()).locations("filesystem:" + this.directory)
				.skipUnchangedRevisions(false)
				.build()
				.upgrade("heads");
			Migrator fromUrl = Migrator.builder()
				.url(offline.jdbcUrl(), offline.user(), offline.password())
				.locations("filesystem:" + this.directory)
				.build();
			run(offline, fromUrl.sql(Direction.UPGRADE, "base:heads"));
			assertThat(schema(offline)).isEqualTo(schema(online)).isNotEmpty();
			assertThat(StepLog.versions(offline.dataSource(), "migrate_version")).containsExactly("d4");
			assertThat(fromUrl.history()).hasSize(4);
			assertThat(fromUrl.history().get(0).installedBy()).isEqualTo("postgres@127.0.0.1");
			fromUrl.check();
			run(offline, fromUrl.sql(Direction.DOWNGRADE, "heads:base"));
			assertThat(StepLog.versions(offline.dataSource(), "migrate_version")).isEmpty();
			assertThat(StepLog.query(offline.dataSource(), "SELECT to_regclass('people')")).containsOnlyNulls();
		}
	}

	@Test
	void revisionThatNeedsTheLiveDatabaseIsRefusedNamingIt() throws Exception {
		Revision reading = Revision.builder("e5").revises("d4").source("class db.revisions.Backfill")
			.migration(new Migration() {

				@Override
				public void upgrade(Operations op) {
					op.jdbc();
				}

				@Override
				public void downgrade(Operations op) {
				}

			})
			.build();
		Migrator migrator = offline("postgresql").revisions(List.of(reading)).build();
		assertThatExceptionOfType(LiveDatabaseRequiredException.class)
			.isThrownBy(() -> migrator.sql(Direction.UPGRADE, "d4:e5"))
			.withMessageContaining("e5")
			.withMessageContaining("class db.revisions.Backfill");
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			Migrator online = Migrator.builder()
				.dataSource(database.dataSource())
				.locations("filesystem:" + this.directory)
				.revisions(List.of(reading))
				.build();
			online.upgrade("d4");
			DryRun plan = online.plan(Direction.UPGRADE, "heads");
			assertThat(plan.steps()).singleElement()
				.satisfies((step) -> assertThat(step.sql()).singleElement().asString().startsWith("-- e5 reads the database"));
			assertThat(online.upgrade("heads").toHeads()).containsExactly("e5");
		}
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + 1)) {
			count++;
		}
		return count;
	}

	static void run(IsolatedDatabase database, String script) throws SQLException {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			for (SqlStatement sql : SqlSplitter.split(script, SqlSyntax.POSTGRESQL)) {
				statement.execute(sql.sql());
			}
		}
	}

	static List<String> schema(IsolatedDatabase database) throws SQLException {
		List<String> schema = new ArrayList<>();
		schema.addAll(StepLog.query(database.dataSource(), "SELECT table_name || '.' || column_name || ' '"
				+ " || data_type || ' ' || is_nullable FROM information_schema.columns"
				+ " WHERE table_schema = current_schema() ORDER BY 1"));
		schema.addAll(StepLog.query(database.dataSource(), "SELECT replace(indexdef, current_schema() || '.', '')"
				+ " FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1"));
		schema.addAll(StepLog.query(database.dataSource(), "SELECT tgname FROM pg_trigger t JOIN pg_class c"
				+ " ON c.oid = t.tgrelid WHERE NOT tgisinternal AND c.relnamespace = current_schema()::regnamespace"
				+ " ORDER BY 1"));
		schema.addAll(StepLog.query(database.dataSource(), "SELECT enumlabel FROM pg_enum e JOIN pg_type t"
				+ " ON t.oid = e.enumtypid WHERE t.typnamespace = current_schema()::regnamespace ORDER BY enumsortorder"));
		schema.addAll(StepLog.query(database.dataSource(), "SELECT proname || ' ' || prosrc FROM pg_proc"
				+ " WHERE pronamespace = current_schema()::regnamespace ORDER BY 1"));
		return schema;
	}

}

package dev.migrate.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.IsolatedDatabases;
import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.MigrationFailedException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.StepLog;
import dev.migrate.TransactionMode;
import dev.migrate.info.HistoryEntry;
import dev.migrate.ops.Operations;
import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What PostgreSQL needs from a run: non-transactional revisions for {@code CREATE INDEX
 * CONCURRENTLY}, and {@code lock_timeout} / {@code statement_timeout} so that a migration
 * behind a busy table fails fast.
 */
class PostgresStatementsTests {

	@TempDir
	Path directory;

	private Migrator.Builder migrator(IsolatedDatabase database) {
		return Migrator.builder()
			.dataSource(database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(20));
	}

	private void write(String name, String content) throws Exception {
		Files.writeString(this.directory.resolve(name), content);
	}

	private void createThings() throws Exception {
		write("a1.sql", """
				-- things
				-- Revision ID: a1

				-- migrate:upgrade
				CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT);
				INSERT INTO things SELECT n, 'thing ' || n FROM generate_series(1, 100) n;

				-- migrate:downgrade
				DROP TABLE things;
				""");
	}

	@Test
	void nonTransactionalRevisionCreatesAnIndexConcurrently() throws Exception {
		createThings();
		write("b2.sql", """
				-- index things
				-- Revision ID: b2
				-- Revises: a1
				-- Transactional: false

				-- migrate:upgrade
				CREATE INDEX CONCURRENTLY things_name ON things (name);

				-- migrate:downgrade
				DROP INDEX CONCURRENTLY things_name;
				""");
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			Migrator migrator = migrator(database).build();
			migrator.upgrade("heads");
			assertThat(StepLog.query(database.dataSource(),
					"SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'things_name'"))
				.containsExactly("things_name");
			assertThat(migrator.current()).containsExactly("b2");
			migrator.downgrade("a1");
			assertThat(StepLog.query(database.dataSource(),
					"SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'things_name'")).isEmpty();
		}
	}

	@Test
	void transactionalRevisionWithAConcurrentIndexFailsNamingIt() throws Exception {
		createThings();
		write("b2.sql", """
				-- index things
				-- Revision ID: b2
				-- Revises: a1

				-- migrate:upgrade
				CREATE INDEX CONCURRENTLY things_name ON things (name);
				""");
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> migrator(database).build().upgrade("heads"))
				.satisfies((ex) -> {
					// refused before anything reaches the database, with the fix in the message
					assertThat(ex.revision()).isEqualTo("b2");
					assertThat(ex.sqlState()).isNull();
					assertThat(ex.getMessage()).contains("CONCURRENTLY").contains("Transactional: false");
				});
		}
	}

	@Test
	void concurrentIndexDoesNotWaitForARunWaitingOnTheLock() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			CountDownLatch indexing = new CountDownLatch(1);
			Revision table = Revision.builder("a1").migration(new Sql(
					"CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)", "DROP TABLE things")).build();
			Revision index = Revision.builder("b2").revises("a1").transactional(false).migration(new Migration() {

				@Override
				public void upgrade(Operations op) {
					indexing.countDown();
					sleep(500);
					op.execute("CREATE INDEX CONCURRENTLY things_name ON things (name)");
				}

				@Override
				public void downgrade(Operations op) {
				}

			}).build();
			Migrator first = Migrator.builder().dataSource(database.dataSource()).revisions(List.of(table, index)).build();
			CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> first.upgrade("heads"));
			assertThat(indexing.await(20, TimeUnit.SECONDS)).isTrue();
			Migrator second = Migrator.builder()
				.dataSource(database.dataSource())
				.revisions(List.of(table, index))
				.lockTimeout(Duration.ofSeconds(30))
				.build();
			CompletableFuture<RunResult> waiting = CompletableFuture.supplyAsync(() -> second.upgrade("heads"));
			assertThat(running.get(20, TimeUnit.SECONDS).toHeads()).containsExactly("b2");
			assertThat(waiting.get(20, TimeUnit.SECONDS).steps()).isEmpty();
		}
	}

	@Test
	void lockTimeoutMakesAStatementBehindABusyTableFailFast() throws Exception {
		createThings();
		write("b2.sql", """
				-- add a column
				-- Revision ID: b2
				-- Revises: a1

				-- migrate:upgrade
				ALTER TABLE things ADD COLUMN size INTEGER;
				""");
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			migrator(database).build().upgrade("a1");
			try (Connection busy = database.connection()) {
				busy.setAutoCommit(false);
				try (Statement statement = busy.createStatement()) {
					statement.execute("LOCK TABLE things IN ACCESS EXCLUSIVE MODE");
				}
				Migrator migrator = migrator(database).statementLockTimeout(Duration.ofMillis(200)).build();
				long start = System.nanoTime();
				assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
					.satisfies((ex) -> {
						assertThat(ex.revision()).isEqualTo("b2");
						assertThat(ex.sqlState()).isEqualTo("55P03");
						assertThat(ex.statement()).isEqualTo("ALTER TABLE things ADD COLUMN size INTEGER");
						assertThat(ex.getMessage()).contains("SQLState 55P03").contains("lock timeout");
					});
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
				busy.rollback();
			}
			assertThat(migrator(database).build().current()).containsExactly("a1");
		}
	}

	@Test
	void revisionHeaderSetsItsOwnLockTimeout() throws Exception {
		createThings();
		write("b2.sql", """
				-- add a column
				-- Revision ID: b2
				-- Revises: a1
				-- Lock Timeout: 150ms

				-- migrate:upgrade
				ALTER TABLE things ADD COLUMN size INTEGER;
				""");
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			migrator(database).build().upgrade("a1");
			try (Connection busy = database.connection()) {
				busy.setAutoCommit(false);
				try (Statement statement = busy.createStatement()) {
					statement.execute("LOCK TABLE things IN ACCESS EXCLUSIVE MODE");
				}
				assertThatExceptionOfType(MigrationFailedException.class)
					.isThrownBy(() -> migrator(database).build().upgrade("heads"))
					.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("55P03"));
				busy.rollback();
			}
			migrator(database).build().upgrade("heads");
		}
	}

	@Test
	void statementTimeoutStopsALongStatementPerRevisionOrGlobally() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			Revision slow = Revision.builder("a1").migration(new Sql("SELECT pg_sleep(5)", "")).build();
			Revision quick = Revision.builder("a1")
				.statementTimeout(Duration.ofMillis(100))
				.migration(new Sql("SELECT pg_sleep(5)", ""))
				.build();
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> Migrator.builder()
					.dataSource(database.dataSource())
					.revisions(List.of(slow))
					.statementTimeout(Duration.ofMillis(100))
					.build()
					.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("57014"));
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> Migrator.builder()
					.dataSource(database.dataSource())
					.revisions(List.of(quick))
					.build()
					.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("57014"));
		}
	}

	@Test
	void sessionTimeoutsOfANonTransactionalRevisionAreRestored() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			Revision revision = Revision.builder("a1")
				.transactional(false)
				.lockTimeout(Duration.ofSeconds(3))
				.migration(new Sql("DO $$ BEGIN IF current_setting('lock_timeout') <> '3s' THEN"
						+ " RAISE EXCEPTION 'lock_timeout is %', current_setting('lock_timeout'); END IF; END $$", ""))
				.build();
			Revision after = Revision.builder("b2")
				.revises("a1")
				.migration(new Sql("DO $$ BEGIN IF current_setting('lock_timeout') <> '0' THEN"
						+ " RAISE EXCEPTION 'lock_timeout is %', current_setting('lock_timeout'); END IF; END $$", ""))
				.build();
			Migrator migrator = Migrator.builder()
				.dataSource(database.dataSource())
				.revisions(List.of(revision, after))
				.build();
			migrator.upgrade("heads");
			assertThat(migrator.history()).extracting(HistoryEntry::success).containsExactly(true, true);
		}
	}

	@Test
	void failingNonTransactionalRevisionKeepsItsEarlierStatementsAndSaysSo() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			Revision revision = Revision.builder("a1")
				.transactional(false)
				.migration(new Sql("CREATE TABLE kept (id INTEGER); SELECT * FROM missing", ""))
				.build();
			Migrator migrator = Migrator.builder().dataSource(database.dataSource()).revisions(List.of(revision)).build();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("runs outside a transaction")
				.withMessageContaining("the version table stays at base");
			assertThat(StepLog.query(database.dataSource(), "SELECT to_regclass('kept')")).containsExactly("kept");
			assertThat(migrator.current()).isEmpty();
		}
	}

	@Test
	void oneTransactionForTheRunIsCommittedBeforeANonTransactionalRevision() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			Revision table = Revision.builder("a1")
				.migration(new Sql("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)", ""))
				.build();
			Revision index = Revision.builder("b2")
				.revises("a1")
				.transactional(false)
				.migration(new Sql("CREATE INDEX CONCURRENTLY things_name ON things (name)", ""))
				.build();
			Revision column = Revision.builder("c3").revises("b2").migration(new Sql("ALTER TABLE things ADD size INT", ""))
				.build();
			Revision failing = Revision.builder("d4").revises("c3").migration(new Sql("SELECT * FROM missing", "")).build();
			Migrator migrator = Migrator.builder()
				.dataSource(database.dataSource())
				.revisions(List.of(table, index, column, failing))
				.transactionMode(TransactionMode.ALL)
				.build();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("undoing this revision and the 1 applied before it in this run")
				.withMessageContaining("the database stays at b2");
			assertThat(migrator.current()).containsExactly("b2");
			assertThat(StepLog.query(database.dataSource(), "SELECT to_regclass('things_name')::text"))
				.containsExactly("things_name");
			assertThat(migrator.history()).extracting(HistoryEntry::revision).containsExactly("a1", "b2", "d4");
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** SQL for each direction. */
	record Sql(String upgrade, String downgrade) implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute(this.upgrade);
		}

		@Override
		public void downgrade(Operations op) {
			op.execute(this.downgrade);
		}

	}

}

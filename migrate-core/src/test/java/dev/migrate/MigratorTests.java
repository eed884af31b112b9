package dev.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.event.LockAcquired;
import dev.migrate.event.MigrationListener;
import dev.migrate.event.RunFinished;
import dev.migrate.event.RunStarted;
import dev.migrate.event.StepFailed;
import dev.migrate.event.StepFinished;
import dev.migrate.event.StepStarted;
import dev.migrate.info.HistoryEntry;
import dev.migrate.info.MigrationInfo;
import dev.migrate.info.RevisionInfo;
import dev.migrate.info.RevisionState;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Step.Direction;
import dev.migrate.source.RevisionSourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@link Migrator} command on PostgreSQL and H2, through revisions that log their
 * steps.
 */
class MigratorTests {

	static IsolatedDatabase database(String engine) {
		return switch (engine) {
			case "postgresql" -> IsolatedDatabases.postgres();
			case "mariadb" -> IsolatedDatabases.mariadb();
			default -> IsolatedDatabases.h2();
		};
	}

	static List<Revision> linear() {
		return List.of(StepLog.revision("a1"), StepLog.revision("b2", "a1"), StepLog.revision("c3", "b2"));
	}

	static Migrator.Builder migrator(IsolatedDatabase database, List<Revision> revisions) {
		return Migrator.builder()
			.dataSource(database.dataSource())
			.revisions(revisions)
			.lockTimeout(Duration.ofSeconds(10));
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void upgradesToHeadsRunningEachRevisionOnceInOrder(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, linear()).build();
			RunResult result = migrator.upgrade("heads");
			assertThat(result.fromHeads()).isEmpty();
			assertThat(result.toHeads()).containsExactly("c3");
			assertThat(result.steps()).hasSize(3);
			assertThat(StepLog.read(database.dataSource())).containsExactly("up a1", "up b2", "up c3");
			assertThat(StepLog.versions(database.dataSource(), "migrate_version")).containsExactly("c3");
			assertThat(migrator.current()).containsExactly("c3");
			RunResult again = migrator.upgrade("heads");
			assertThat(again.steps()).isEmpty();
			assertThat(again.toHeads()).containsExactly("c3");
			assertThat(StepLog.read(database.dataSource())).hasSize(3);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void readCommandsCreateNothing(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Migrator migrator = migrator(database, linear()).build();
			assertThat(migrator.current()).isEmpty();
			assertThat(migrator.history()).isEmpty();
			MigrationInfo info = migrator.info();
			assertThat(info.currentHeads()).isEmpty();
			assertThat(info.pending()).extracting(RevisionInfo::id).containsExactly("a1", "b2", "c3");
			assertThat(migrator.pending()).hasSize(3);
			assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::check)
				.withMessageContaining("3 pending: a1, b2, c3");
			assertThat(migrator.plan(Direction.UPGRADE, "heads").steps()).hasSize(3);
			assertThat(StepLog.query(database.dataSource(), "SELECT COUNT(*) FROM information_schema.tables"
					+ " WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) LIKE 'migrate%'")).containsExactly("0");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void badTargetChangesNothing(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Migrator migrator = migrator(database, linear()).build();
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("nosuch"))
				.withMessageContaining("nosuch");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.downgrade("+1"));
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> migrator.stamp(List.of("zz99"), false));
			assertThat(StepLog.query(database.dataSource(), "SELECT COUNT(*) FROM information_schema.tables"
					+ " WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) IN ('migrate_version', 'migrate_history')")).containsExactly("0");
			// (H2's lock is a lease row: its lock table is the one thing a write command creates first)
			migrator.upgrade("base");
			assertThat(StepLog.query(database.dataSource(), "SELECT COUNT(*) FROM information_schema.tables"
					+ " WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) IN ('migrate_version', 'migrate_history')")).containsExactly("1");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void downgradesStepByStepAndToBase(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, linear()).build();
			migrator.upgrade("heads");
			StepLog.clear(database.dataSource());
			assertThat(migrator.downgrade("-1").toHeads()).containsExactly("b2");
			assertThat(migrator.current()).containsExactly("b2");
			assertThat(migrator.downgrade("base").toHeads()).isEmpty();
			assertThat(StepLog.read(database.dataSource())).containsExactly("down c3", "down b2", "down a1");
			assertThat(StepLog.versions(database.dataSource(), "migrate_version")).isEmpty();
			assertThat(migrator.current()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void recordsEveryStepInHistory(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, linear()).build();
			migrator.upgrade("b2");
			migrator.downgrade("a1");
			migrator.stamp(List.of("c3"), false);
			List<HistoryEntry> history = migrator.history();
			assertThat(history).extracting(HistoryEntry::operation)
				.containsExactly("upgrade", "upgrade", "downgrade", "stamp");
			assertThat(history).extracting(HistoryEntry::revision).containsExactly("a1", "b2", "b2", null);
			HistoryEntry first = history.get(0);
			assertThat(first.fromHeads()).isEmpty();
			assertThat(first.toHeads()).containsExactly("a1");
			assertThat(first.message()).isEqualTo("step a1");
			assertThat(first.success()).isTrue();
			assertThat(first.installedBy()).contains("@");
			assertThat(first.startedAt()).isNotNull();
			assertThat(first.duration()).isNotNull();
			assertThat(history.get(2).fromHeads()).containsExactly("b2");
			assertThat(history.get(2).toHeads()).containsExactly("a1");
			assertThat(history.get(3).toHeads()).containsExactly("c3");
			assertThat(history).extracting(HistoryEntry::rank).isSorted();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void stampsWithoutRunningRevisions(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, linear()).build();
			RunResult result = migrator.stamp(List.of("b2"), false);
			assertThat(result.toHeads()).containsExactly("b2");
			assertThat(StepLog.read(database.dataSource())).isEmpty();
			migrator.upgrade("heads");
			assertThat(StepLog.read(database.dataSource())).containsExactly("up c3");
			migrator.stamp(List.of("a1"), false);
			assertThat(migrator.current()).containsExactly("a1");
			migrator.stamp(List.of("base"), false);
			assertThat(migrator.current()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void stampWithPurgeReplacesRowsTheRevisionsDoNotKnow(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Migrator migrator = migrator(database, linear()).build();
			migrator.stamp(List.of("a1"), false);
			insertVersion(database, "migrate_version", "zz9");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.stamp(List.of("b2"), false))
				.withMessageContaining("zz9")
				.withMessageContaining("purge");
			migrator.stamp(List.of("b2"), true);
			assertThat(migrator.current()).containsExactly("b2");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void checksTheDatabaseIsAtTheHeads(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, linear()).build();
			migrator.upgrade("a1");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::check)
				.withMessageContaining("it is at a1")
				.withMessageContaining("2 pending: b2, c3");
			migrator.upgrade("heads");
			migrator.check();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void infoGivesEveryRevisionItsState(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, linear()).build();
			migrator.upgrade("b2");
			MigrationInfo info = migrator.info();
			assertThat(info.currentHeads()).containsExactly("b2");
			assertThat(info.heads()).containsExactly("c3");
			assertThat(info.revisions()).extracting(RevisionInfo::id).containsExactly("c3", "b2", "a1");
			assertThat(info.revisions()).extracting(RevisionInfo::state)
				.containsExactly(RevisionState.PENDING, RevisionState.CURRENT, RevisionState.APPLIED);
			assertThat(info.revisions().get(1).lastRun().operation()).isEqualTo("upgrade");
			assertThat(info.revisions().get(0).lastRun()).isNull();
			assertThat(info.pending()).extracting(RevisionInfo::id).containsExactly("c3");
			assertThat(info.isUpToDate()).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void dryRunShowsStepsAndSqlWithoutChangingAnything(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, linear()).build();
			migrator.upgrade("a1");
			DryRun plan = migrator.plan(Direction.UPGRADE, "heads");
			assertThat(plan.currentHeads()).containsExactly("a1");
			assertThat(plan.resultingHeads()).containsExactly("c3");
			assertThat(plan.steps()).extracting((step) -> step.step().revision().id()).containsExactly("b2", "c3");
			assertThat(plan.steps().get(0).sql()).containsExactly("INSERT INTO steps (step) VALUES ('up b2')");
			assertThat(plan.steps().get(0).versionSql())
				.containsExactly("UPDATE migrate_version SET version_num = 'b2' WHERE version_num = 'a1'");
			DryRun down = migrator.plan(Direction.DOWNGRADE, "base");
			assertThat(down.steps()).extracting((step) -> step.step().toString()).containsExactly("downgrade a1 -> , step a1");
			assertThat(migrator.current()).containsExactly("a1");
			assertThat(StepLog.read(database.dataSource())).containsExactly("up a1");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void refusesRevisionsTheCodeDoesNotKnowUnlessIgnored(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			migrator(database, linear()).build().upgrade("heads");
			List<Revision> older = List.of(StepLog.revision("a1"), StepLog.revision("b2", "a1"));
			Migrator old = migrator(database, older).build();
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> old.upgrade("heads"))
				.withMessageContaining("revision c3 that the loaded revisions do not know")
				.withMessageContaining("ignoreUnknownRevisions");
			assertThat(old.info().unknown()).extracting(RevisionInfo::id).containsExactly("c3");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(old::check).withMessageContaining("c3");
			Migrator ignoring = migrator(database, older).ignoreUnknownRevisions(true).build();
			RunResult result = ignoring.upgrade("heads");
			assertThat(result.steps()).isEmpty();
			assertThat(result.toHeads()).containsExactly("c3");
			assertThat(StepLog.read(database.dataSource())).hasSize(3);
			assertThat(ignoring.current()).containsExactly("c3");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void failingStatementRollsBackItsRevisionAndKeepsEarlierOnes(String engine, @TempDir Path directory)
			throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			write(directory, "a1_create.sql", """
					-- create things
					-- Revision ID: a1

					-- migrate:upgrade
					CREATE TABLE things (id INTEGER PRIMARY KEY);

					-- migrate:downgrade
					DROP TABLE things;
					""");
			write(directory, "b2_fill.sql", """
					-- fill things
					-- Revision ID: b2
					-- Revises: a1

					-- migrate:upgrade
					INSERT INTO things (id) VALUES (1);
					INSERT INTO things (id)
					  VALUES (1);

					-- migrate:downgrade
					DELETE FROM things;
					""");
			Migrator migrator = Migrator.builder()
				.dataSource(database.dataSource())
				.locations("filesystem:" + directory)
				.build();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> {
					assertThat(ex.revision()).isEqualTo("b2");
					assertThat(ex.source()).endsWith("b2_fill.sql");
					assertThat(ex.line()).isEqualTo(7);
					assertThat(ex.statement()).isEqualTo("INSERT INTO things (id)\n  VALUES (1)");
					assertThat(ex.sqlState()).isEqualTo("23505");
					assertThat(ex.direction()).isEqualTo(Direction.UPGRADE);
					assertThat(ex.getMessage()).contains("Upgrade a1 -> b2 (fill things) failed at " + ex.source() + ":7")
						.contains("statement: INSERT INTO things (id) VALUES (1)")
						.contains("SQLState 23505")
						.contains("stays at a1");
				});
			assertThat(migrator.current()).containsExactly("a1");
			assertThat(StepLog.query(database.dataSource(), "SELECT COUNT(*) FROM things")).containsExactly("0");
			List<HistoryEntry> history = migrator.history();
			assertThat(history).extracting(HistoryEntry::revision).containsExactly("a1", "b2");
			assertThat(history).extracting(HistoryEntry::success).containsExactly(true, false);
			assertThat(history.get(1).toHeads()).containsExactly("a1");
			// the lock was released: another migrator runs right away
			Migrator next = Migrator.builder()
				.dataSource(database.dataSource())
				.locations("filesystem:" + directory)
				.lockTimeout(Duration.ZERO)
				.build();
			assertThat(next.downgrade("base").toHeads()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void javaRevisionFailureNamesTheClassAndLine(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Revision failing = Revision.builder("a1")
				.message("breaks")
				.source("class " + Breaking.class.getName())
				.migration(new Breaking())
				.build();
			Migrator migrator = migrator(database, List.of(failing)).build();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> {
					assertThat(ex.revision()).isEqualTo("a1");
					assertThat(ex.statement()).isEqualTo("SELECT * FROM no_such_table");
					assertThat(ex.getMessage()).contains("in class " + Breaking.class.getName() + " (MigratorTests.java:");
				});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void exceptionFromRevisionCodeIsReportedWithTheRevision(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Revision failing = Revision.builder("a1").migration(new Migration() {

				@Override
				public void upgrade(dev.migrate.ops.Operations op) {
					throw new IllegalStateException("not today");
				}

				@Override
				public void downgrade(dev.migrate.ops.Operations op) {
				}

			}).build();
			Migrator migrator = migrator(database, List.of(failing)).build();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("Upgrade base -> a1 failed in revision a1")
				.withMessageContaining("java.lang.IllegalStateException: not today")
				.satisfies((ex) -> assertThat(ex.sqlState()).isNull());
			assertThat(migrator.history()).extracting(HistoryEntry::success).containsExactly(false);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void keepsItsTablesInASchema(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, linear()).schema("meta").table("versions").historyTable("log").build();
			migrator.upgrade("heads");
			assertThat(StepLog.versions(database.dataSource(), "meta.versions")).containsExactly("c3");
			assertThat(StepLog.query(database.dataSource(), "SELECT COUNT(*) FROM meta.log")).containsExactly("3");
			assertThat(migrator.current()).containsExactly("c3");
			assertThat(migrator(database, linear()).build().current()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void adoptsADatabaseAlembicManaged(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
						+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
				statement.execute("INSERT INTO alembic_version (version_num) VALUES ('b2')");
			}
			Migrator migrator = migrator(database, linear()).table("alembic_version").build();
			assertThat(migrator.current()).containsExactly("b2");
			assertThat(migrator.upgrade("heads").steps()).hasSize(1);
			assertThat(StepLog.read(database.dataSource())).containsExactly("up c3");
			assertThat(StepLog.versions(database.dataSource(), "alembic_version")).containsExactly("c3");
			assertThat(migrator.history()).extracting(HistoryEntry::revision).containsExactly("c3");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void tellsListenersOfRunsLocksAndSteps(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			List<Object> events = new ArrayList<>();
			MigrationListener listener = new MigrationListener() {

				@Override
				public void runStarted(RunStarted event) {
					events.add(event);
				}

				@Override
				public void runFinished(RunFinished event) {
					events.add(event);
				}

				@Override
				public void lockAcquired(LockAcquired event) {
					events.add(event);
				}

				@Override
				public void stepStarted(StepStarted event) {
					events.add(event);
				}

				@Override
				public void stepFinished(StepFinished event) {
					events.add(event);
				}

				@Override
				public void stepFailed(StepFailed event) {
					events.add(event);
				}

			};
			MigrationListener throwing = new MigrationListener() {

				@Override
				public void stepStarted(StepStarted event) {
					throw new IllegalStateException("a broken listener");
				}

			};
			Migrator migrator = migrator(database, linear()).listener(throwing).listener(listener).build();
			migrator.upgrade("b2");
			assertThat(events).extracting((event) -> event.getClass().getSimpleName())
				.containsExactly("RunStarted", "LockAcquired", "StepStarted", "StepFinished", "StepStarted",
						"StepFinished", "RunFinished");
			RunFinished finished = (RunFinished) events.get(events.size() - 1);
			assertThat(finished.isSuccess()).isTrue();
			assertThat(finished.result().toHeads()).containsExactly("b2");
			assertThat(((RunStarted) events.get(0)).command()).isEqualTo("upgrade");
		}
	}

	@Test
	void oneTransactionForTheWholeRunRollsBackEveryRevisionOfTheRun() throws SQLException {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			StepLog.create(database.dataSource());
			List<Revision> revisions = new ArrayList<>(linear());
			revisions.add(Revision.builder("d4").revises("c3").migration(new Breaking()).build());
			Migrator migrator = migrator(database, revisions).transactionMode(TransactionMode.ALL).build();
			migrator.upgrade("a1");
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("undoing this revision and the 2 applied before it in this run")
				.withMessageContaining("the database stays at a1");
			assertThat(migrator.current()).containsExactly("a1");
			assertThat(StepLog.read(database.dataSource())).containsExactly("up a1");
			assertThat(migrator.history()).extracting(HistoryEntry::revision).containsExactly("a1", "d4");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void aRevisionThatDoesNotLoadFailsEveryCommandBeforeTheLockAndChangesNothing(String engine, @TempDir Path directory)
			throws Exception {
		write(directory, "a1_first.sql", "-- Revision ID: a1\n\n-- migrate:upgrade\nCREATE TABLE t (id int);\n");
		write(directory, "b2_second.sql", "-- Revision ID: b2\n-- Revises: a1\n-- Revisez: a1\n\n-- migrate:upgrade\n");
		try (IsolatedDatabase database = database(engine)) {
			List<String> events = new ArrayList<>();
			// loading happens on its own thread: building does not wait for it or fail
			Migrator migrator = migrator(database, List.of()).locations("filesystem:" + directory)
				.listener(new MigrationListener() {

					@Override
					public void lockAcquired(LockAcquired event) {
						events.add("lock");
					}

				})
				.build();
			for (Runnable command : List.<Runnable>of(() -> migrator.upgrade("heads"), migrator::graph, migrator::heads,
					() -> migrator.stamp(List.of("a1"), false), () -> migrator.downgrade("base"), migrator::info)) {
				assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(command::run)
					.withMessageStartingWith(directory.resolve("b2_second.sql") + ":3: unknown header key 'Revisez'");
			}
			assertThat(events).isEmpty();
			assertThat(StepLog.query(database.dataSource(), "SELECT COUNT(*) FROM information_schema.tables"
					+ " WHERE table_schema = CURRENT_SCHEMA")).containsExactly("0");
		}
	}

	@Test
	void theGraphIsLoadedOnceWhoeverAsksFirst() throws Exception {
		List<Thread> threads = new ArrayList<>();
		List<String> loaded = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicInteger loadings = new java.util.concurrent.atomic.AtomicInteger();
		Migrator migrator = Migrator.builder().revisions(() -> {
			loadings.incrementAndGet();
			return linear();
		}).build();
		for (int i = 0; i < 4; i++) {
			Thread thread = new Thread(() -> loaded.add(String.join(",", migrator.heads())));
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(loaded).containsExactly("c3", "c3", "c3", "c3");
		assertThat(migrator.graph()).isSameAs(migrator.graph());
		assertThat(loadings).as("loadings of the revisions").hasValue(1);
	}

	@Test
	void projectWithoutRevisionsIsUpToDate() {
		try (IsolatedDatabase database = IsolatedDatabases.h2()) {
			Migrator migrator = Migrator.builder().dataSource(database.dataSource()).build();
			assertThat(migrator.upgrade("heads").steps()).isEmpty();
			assertThat(migrator.info().revisions()).isEmpty();
			migrator.check();
			assertThat(migrator.plan(Direction.UPGRADE, "heads").steps()).isEmpty();
			assertThat(Migrator.builder().dialect("postgresql").build().sql(Direction.UPGRADE, "heads"))
				.contains("CREATE TABLE IF NOT EXISTS migrate_version");
		}
	}

	@Test
	void rejectsContradictorySettings() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> Migrator.builder().revisions(linear()).table("t").historyTable("t").build())
			.withMessageContaining("both named 't'");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> Migrator.builder().revisions(linear()).lockTimeout(Duration.ofSeconds(-1)).build())
			.withMessageContaining("lockTimeout");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> Migrator.builder().revisions(linear()).build().current())
			.withMessageContaining("No database is configured");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> Migrator.builder()
				.dataSource(new org.h2.jdbcx.JdbcDataSource())
				.url("jdbc:h2:mem:x", "sa", "")
				.build())
			.withMessageContaining("Both a DataSource and the URL jdbc:h2:mem:x are set");
	}

	static void insertVersion(IsolatedDatabase database, String table, String version) throws SQLException {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO " + table + " (version_num) VALUES ('" + version + "')");
		}
	}

	static void write(Path directory, String name, String content) throws Exception {
		Files.writeString(directory.resolve(name), content);
	}

	/** Runs a statement that fails. */
	public static class Breaking implements Migration {

		@Override
		public void upgrade(dev.migrate.ops.Operations op) {
			op.execute("SELECT * FROM no_such_table");
		}

		@Override
		public void downgrade(dev.migrate.ops.Operations op) {
		}

	}

}

package dev.migrate.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.migrate.IsolatedDatabases;
import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.LockTimeoutException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.StepLog;
import dev.migrate.dialect.Dialect;
import dev.migrate.event.LockWaiting;
import dev.migrate.event.MigrationListener;
import dev.migrate.ops.Operations;
import dev.migrate.revision.Revision;
import dev.migrate.version.VersionStore;
import dev.migrate.version.VersionTables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The PostgreSQL session advisory lock, through the migrator. */
class PostgresAdvisoryLockTests {

	@Test
	void keyIsTheFirstEightBytesOfTheSha256OfSchemaAndTable() {
		// the derivation documented on PostgresAdvisoryLock and in docs/running.md
		assertThat(PostgresAdvisoryLock.PUBLIC_MIGRATE_VERSION).isEqualTo(1176820722565730916L);
		assertThat(LockKeys.sha256("public.migrate_version")).isEqualTo(0x1054e8364cd95264L)
			.isEqualTo(PostgresAdvisoryLock.PUBLIC_MIGRATE_VERSION);
		assertThat(LockKeys.sha256("other.migrate_version")).isNotEqualTo(PostgresAdvisoryLock.PUBLIC_MIGRATE_VERSION);
	}

	@Test
	void serverComputesTheDocumentedKeyForTheConfiguredSchema() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres(); Connection connection = database.connection()) {
			PostgresAdvisoryLock lock = lock(connection, "public", "migrate_version");
			lock.acquire(Duration.ZERO, null);
			try {
				assertThat(lock.key()).isEqualTo(PostgresAdvisoryLock.PUBLIC_MIGRATE_VERSION);
				assertThat(lock.description())
					.isEqualTo("PostgreSQL advisory lock 1176820722565730916 on public.migrate_version");
				assertThat(heldKeys(connection)).containsExactly(PostgresAdvisoryLock.PUBLIC_MIGRATE_VERSION);
			}
			finally {
				lock.release();
			}
			assertThat(heldKeys(connection)).isEmpty();
		}
	}

	@Test
	void serverAndClientComputeTheSameKeyForTheConnectionsSchema() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres(); Connection connection = database.connection()) {
			String schema = connection.getSchema();
			PostgresAdvisoryLock server = lock(connection, null, "migrate_version");
			server.acquire(Duration.ZERO, null);
			server.release();
			assertThat(server.key()).isEqualTo(LockKeys.sha256(schema + ".migrate_version"));
			assertThat(server.description()).endsWith(" on " + schema + ".migrate_version");
			VersionStore store = store(connection, "Größe");
			PostgresAdvisoryLock unicode = lock(connection, "Größe", "migrate_version");
			PostgresAdvisoryLock here = PostgresAdvisoryLock.keyedHere(connection, "Größe", "migrate_version",
					store.versionTableExists(connection), false);
			for (PostgresAdvisoryLock lock : List.of(unicode, here)) {
				lock.acquire(Duration.ZERO, null);
				lock.release();
			}
			assertThat(unicode.key()).isEqualTo(here.key()).isEqualTo(LockKeys.sha256("Größe.migrate_version"));
		}
	}

	@Test
	void firstTryTellsWhetherTheVersionTableExisted() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres(); Connection connection = database.connection()) {
			PostgresAdvisoryLock before = lock(connection, null, "migrate_version");
			before.acquire(Duration.ZERO, null);
			before.release();
			store(connection, null).createVersionTable(connection);
			PostgresAdvisoryLock after = lock(connection, null, "migrate_version");
			after.acquire(Duration.ZERO, null);
			after.release();
			assertThat(before.versionTableSeen()).isFalse();
			assertThat(after.versionTableSeen()).isTrue();
		}
	}

	@Test
	void checkIntervalIsSetWhileTheLockIsHeldAndPutBackWhenReleased() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres(); Connection connection = database.connection()) {
			set(connection, "2500ms");
			PostgresAdvisoryLock lock = lock(connection, null, "migrate_version");
			lock.acquire(Duration.ZERO, null);
			assertThat(checkInterval(connection)).isEqualTo("1s");
			lock.release();
			assertThat(checkInterval(connection)).isEqualTo("2500ms");
			set(connection, "0");
		}
	}

	@Test
	void checkIntervalIsPutBackWhenTheLockIsNotAcquired() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres(); Connection connection = database.connection();
				Connection holder = database.connection()) {
			PostgresAdvisoryLock held = lock(holder, null, "migrate_version");
			held.acquire(Duration.ZERO, null);
			try {
				PostgresAdvisoryLock lock = lock(connection, null, "migrate_version");
				assertThatExceptionOfType(LockTimeoutException.class)
					.isThrownBy(() -> lock.acquire(Duration.ofMillis(50), null))
					.satisfies((ex) -> assertThat(ex.holder()).startsWith("PostgreSQL backend pid " + pid(holder) + " "))
					.withMessageContaining("PostgreSQL advisory lock " + held.key() + " on ");
				assertThat(checkInterval(connection)).isEqualTo("0");
			}
			finally {
				held.release();
			}
		}
	}

	@Test
	void checkIntervalIsOneSecondDuringARunAndResetAfter() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			StepLog.create(database.dataSource());
			Revision checking = Revision.builder("a1").migration(new Migration() {

				@Override
				public void upgrade(Operations op) {
					op.execute("INSERT INTO steps (step) SELECT pg_backend_pid() || ' '"
							+ " || current_setting('client_connection_check_interval')");
				}

				@Override
				public void downgrade(Operations op) {
				}

			}).build();
			Migrator.builder().dataSource(database.dataSource()).revisions(List.of(checking)).build().upgrade("heads");
			String[] during = StepLog.read(database.dataSource()).get(0).split(" ");
			assertThat(during[1]).isEqualTo("1s");
			// the pool hands the run's connection out again
			try (Connection connection = database.connection()) {
				assertThat(pid(connection)).isEqualTo(Integer.parseInt(during[0]));
				assertThat(checkInterval(connection)).isEqualTo("0");
			}
		}
	}

	@Test
	void timeoutNamesTheSessionHoldingTheLock() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			CountDownLatch inside = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Revision blocking = Revision.builder("a1").migration(new Blocking(inside, release)).build();
			Migrator first = Migrator.builder().dataSource(database.dataSource()).revisions(List.of(blocking)).build();
			CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> first.upgrade("heads"));
			assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
			try {
				List<String> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
				Migrator second = Migrator.builder()
					.dataSource(database.dataSource())
					.revisions(List.of(blocking))
					.lockTimeout(Duration.ofMillis(300))
					.listener(new MigrationListener() {

						@Override
						public void lockWaiting(LockWaiting event) {
							waits.add(event.lock());
						}

					})
					.build();
				long start = System.nanoTime();
				assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> second.upgrade("heads"))
					.satisfies((ex) -> {
						assertThat(ex.getMessage()).contains("Timed out after PT0.3S waiting for the migration lock")
							.contains("PostgreSQL advisory lock")
							.contains("held by PostgreSQL backend pid ")
							.contains("user postgres")
							.contains("connected since")
							.contains("pg_terminate_backend(");
						assertThat(ex.holder()).startsWith("PostgreSQL backend pid");
					});
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
				assertThat(waits).singleElement().asString().startsWith("PostgreSQL advisory lock ");
			}
			finally {
				release.countDown();
			}
			assertThat(running.get(20, TimeUnit.SECONDS).toHeads()).containsExactly("a1");
			assertThat(advisoryLocks(database)).isZero();
		}
	}

	@Test
	void lockIsReleasedAfterEachRunAndHeldOnlyDuringIt() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.postgres()) {
			Revision checking = Revision.builder("a1").migration(new Migration() {

				@Override
				public void upgrade(Operations op) {
					op.execute("DO $$ BEGIN IF (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
							+ " AND pid = pg_backend_pid()) <> 1"
							+ " THEN RAISE EXCEPTION 'lock not held'; END IF; END $$");
				}

				@Override
				public void downgrade(Operations op) {
				}

			}).build();
			Migrator migrator = Migrator.builder().dataSource(database.dataSource()).revisions(List.of(checking)).build();
			migrator.upgrade("heads");
			assertThat(advisoryLocks(database)).isZero();
		}
	}

	private static PostgresAdvisoryLock lock(Connection connection, String schema, String table) {
		return new PostgresAdvisoryLock(connection, schema, table, store(connection, schema).versionTableExists(connection),
				true);
	}

	private static VersionStore store(Connection connection, String schema) {
		return new VersionStore(Dialect.forConnection(connection),
				new VersionTables(schema, "migrate_version", "migrate_history"));
	}

	private static List<Long> heldKeys(Connection connection) throws SQLException {
		List<Long> keys = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks"
						+ " WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()")) {
			while (result.next()) {
				keys.add(result.getLong(1));
			}
		}
		return keys;
	}

	private static String checkInterval(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW client_connection_check_interval")) {
			result.next();
			return result.getString(1);
		}
	}

	private static void set(Connection connection, String checkInterval) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET client_connection_check_interval = '" + checkInterval + "'");
		}
	}

	private static int pid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

	static int advisoryLocks(IsolatedDatabase database) throws SQLException {
		try (Connection connection = database.connection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
						+ " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
			result.next();
			return result.getInt(1);
		}
	}

	/** Signals that it runs, then waits to be released. */
	record Blocking(CountDownLatch inside, CountDownLatch release) implements Migration {

		@Override
		public void upgrade(Operations op) {
			this.inside.countDown();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

}

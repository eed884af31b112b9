package dev.migrate.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
import dev.migrate.event.LockWaiting;
import dev.migrate.event.MigrationListener;
import dev.migrate.ops.Operations;
import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The PostgreSQL session advisory lock, through the migrator. */
class PostgresAdvisoryLockTests {

	@Test
	void keyIsStableForTheSchemaAndTable() {
		assertThat(Locks.key("public.migrate_version")).isEqualTo(Locks.key("public.migrate_version"))
			.isNotEqualTo(Locks.key("other.migrate_version"));
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

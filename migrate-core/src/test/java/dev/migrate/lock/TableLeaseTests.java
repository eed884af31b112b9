package dev.migrate.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.IsolatedDatabases;
import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.LockMode;
import dev.migrate.LockTimeoutException;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.StepLog;
import dev.migrate.dialect.Dialect;
import dev.migrate.revision.Revision;
import dev.migrate.version.VersionStore;
import dev.migrate.version.VersionTables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The table lease: H2's lock, and PostgreSQL's with {@link LockMode#TABLE}. */
class TableLeaseTests {

	static IsolatedDatabase database(String engine) {
		return engine.equals("postgresql") ? IsolatedDatabases.postgres() : IsolatedDatabases.h2();
	}

	static Migrator.Builder migrator(IsolatedDatabase database, List<Revision> revisions) {
		return Migrator.builder().dataSource(database.dataSource()).revisions(revisions).lockMode(LockMode.TABLE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void leaseIsDeletedWhenTheRunEnds(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			migrator(database, List.of(StepLog.revision("a1"))).build().upgrade("heads");
			assertThat(StepLog.query(database.dataSource(), "SELECT COUNT(*) FROM migrate_version_lock"))
				.containsExactly("0");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void leaseOfADeadProcessIsTakenOverOnceExpired(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			Migrator migrator = migrator(database, List.of(StepLog.revision("a1"))).lockTimeout(Duration.ZERO).build();
			migrator.upgrade("base");
			insertLease(database, "dead-host pid 1 #0", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1));
			assertThat(migrator.upgrade("heads").toHeads()).containsExactly("a1");
			assertThat(StepLog.query(database.dataSource(), "SELECT COUNT(*) FROM migrate_version_lock"))
				.containsExactly("0");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void timeoutNamesTheLeaseOwner(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Migrator migrator = migrator(database, List.of(StepLog.revision("a1"))).lockTimeout(Duration.ofMillis(200))
				.build();
			migrator.upgrade("base");
			insertLease(database, "busy-host pid 42 #beef", LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5));
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("held by lease owner 'busy-host pid 42 #beef'")
				.withMessageContaining("DELETE FROM migrate_version_lock WHERE lock_name = ");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void secondRunWaitsForTheFirst(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			CountDownLatch inside = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Revision blocking = Revision.builder("a1")
				.migration(new PostgresAdvisoryLockTests.Blocking(inside, release))
				.build();
			Migrator first = migrator(database, List.of(blocking)).build();
			CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> first.upgrade("heads"));
			assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
			Migrator second = migrator(database, List.of(blocking)).lockTimeout(Duration.ofSeconds(20)).build();
			CompletableFuture<RunResult> waiting = CompletableFuture.supplyAsync(() -> second.upgrade("heads"));
			Thread.sleep(300);
			assertThat(waiting).isNotDone();
			release.countDown();
			assertThat(running.get(20, TimeUnit.SECONDS).steps()).hasSize(1);
			assertThat(waiting.get(20, TimeUnit.SECONDS).steps()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void renewalExtendsTheLeaseAndNoticesWhenItIsGone(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			Dialect dialect = Dialect.forConnection(connection);
			VersionStore store = new VersionStore(dialect, new VersionTables(null, "migrate_version", "migrate_history"));
			TableLease lease = Locks.lease(connection, database.dataSource(), dialect, store, Duration.ofHours(1),
					Clock.systemUTC());
			assertThat(lease.acquire(Duration.ZERO, () -> {
			})).isLessThan(Duration.ofSeconds(5));
			lease.renew();
			lease.checkHeld();
			try (Connection other = database.connection(); Statement statement = other.createStatement()) {
				statement.execute("DELETE FROM migrate_version_lock");
			}
			lease.renew();
			assertThatExceptionOfType(MigrateException.class).isThrownBy(lease::checkHeld)
				.withMessageContaining("was lost")
				.withMessageContaining(lease.owner());
			lease.release();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void renewingStartsBeforeTheFirstStepOnly(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			awaitNoRenewalThreads();
			TableLease lease = lease(database, connection);
			lease.acquire(Duration.ZERO, null);
			try {
				assertThat(renewalThreads()).as("renewal threads of a run that has not started a step").isZero();
				lease.checkHeld();
				assertThat(renewalThreads()).isOne();
				lease.checkHeld();
				assertThat(renewalThreads()).isOne();
			}
			finally {
				lease.release();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void leaseLostBeforeTheFirstStepStopsTheRun(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			awaitNoRenewalThreads();
			TableLease lease = lease(database, connection);
			lease.acquire(Duration.ZERO, null);
			try (Connection other = database.connection(); Statement statement = other.createStatement()) {
				statement.execute("UPDATE migrate_version_lock SET owner = 'other-host pid 2 #0'");
			}
			assertThatExceptionOfType(MigrateException.class).isThrownBy(lease::checkHeld)
				.withMessageContaining("was lost")
				.withMessageContaining("before the first step");
			assertThat(renewalThreads()).isZero();
			lease.release();
		}
	}

	private static TableLease lease(IsolatedDatabase database, Connection connection) throws SQLException {
		Dialect dialect = Dialect.forConnection(connection);
		VersionStore store = new VersionStore(dialect, new VersionTables(null, "migrate_version", "migrate_history"));
		return Locks.lease(connection, database.dataSource(), dialect, store, Duration.ofHours(1), Clock.systemUTC());
	}

	/** Lets the renewal threads of earlier tests' leases, released and shutting down, end. */
	private static void awaitNoRenewalThreads() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (renewalThreads() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(renewalThreads()).as("renewal threads left by earlier tests").isZero();
	}

	private static long renewalThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().equals("migrate-lease-renewal"))
			.count();
	}

	static void insertLease(IsolatedDatabase database, String owner, LocalDateTime expiresAt) throws SQLException {
		try (Connection connection = database.connection();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO migrate_version_lock"
						+ " (lock_name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)")) {
			insert.setString(1, connection.getSchema() + ".migrate_version");
			insert.setString(2, owner);
			insert.setObject(3, expiresAt.minusHours(1));
			insert.setObject(4, expiresAt);
			insert.executeUpdate();
		}
	}

}

package dev.migrate.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;
import dev.migrate.cli.MigrateJar.Launched;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separate {@code migrate} processes on one PostgreSQL database: several upgrading at once,
 * and one killed inside a revision. PostgreSQL only: separate processes cannot share an H2
 * in-memory database, and H2's automatic mixed mode ({@code AUTO_SERVER=TRUE} on a file
 * database) refuses processes that open the file at the same moment ("Lock file recently
 * modified"); the table lease H2 uses is covered by the engine's tests with threads.
 */
@PostgresTest
class ProcessesIT {

	private static final int PROCESSES = 4;

	@TempDir
	Path dir;

	@BeforeEach
	void jarIsBuilt() {
		MigrateJar.assertBuilt();
	}

	@Test
	void processesUpgradingAtOnceApplyEveryRevisionExactlyOnce(TestDatabase database)
			throws SQLException, InterruptedException {
		RevisionFiles files = new RevisionFiles(this.dir.resolve("db/revisions"));
		String previous = "";
		for (int i = 1; i <= 5; i++) {
			String id = "r" + i;
			String create = "CREATE TABLE step_log (revision varchar(32) NOT NULL, backend int NOT NULL);\n";
			String upgrade = ((i == 1) ? create : "") + "INSERT INTO step_log VALUES ('" + id
					+ "', pg_backend_pid());\nSELECT pg_sleep(0.3);";
			files.sql(id, "step " + i, previous, upgrade, "DELETE FROM step_log WHERE revision = '" + id + "';");
			previous = id;
		}
		MigrateJar jar = new MigrateJar(this.dir).database(database);
		jar.ok("stamp", "base");
		List<Launched> launched = new ArrayList<>();
		try (Connection gate = database.connection(); Statement statement = gate.createStatement()) {
			// hold the version table so that every process is started before one can read it: the one with
			// the migration lock waits here, the others for the migration lock
			gate.setAutoCommit(false);
			statement.execute("LOCK TABLE migrate_version IN ACCESS EXCLUSIVE MODE");
			for (int i = 0; i < PROCESSES; i++) {
				launched.add(jar.start("upgrade", "heads", "--lock-timeout", "2m"));
			}
			waitFor(() -> launched.stream().filter((process) -> process.errSoFar().contains("Waiting for the migration"
					+ " lock")).count() == PROCESSES - 1, Duration.ofSeconds(90),
					() -> PROCESSES - 1 + " processes to wait for the migration lock");
			gate.commit();
		}
		List<Result> results = launched.stream().map(Launched::await).toList();

		for (Result result : results) {
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.err()).as(result.toString())
				.satisfiesAnyOf((err) -> assertThat(err).endsWith("Running upgrade r4 -> r5, step 5\n"),
						(err) -> assertThat(err).startsWith("Waiting for the migration lock")
							.containsPattern("\nAcquired the migration lock after [0-9.]+ m?s\n")
							.endsWith("Nothing to upgrade: the database is at r5\n"));
		}
		assertThat(results).as("one process ran the revisions")
			.filteredOn((result) -> result.err().contains("Running upgrade"))
			.singleElement()
			.satisfies((result) -> assertThat(result.err()).contains("Running upgrade  -> r1, step 1\n"));
		DatabaseCli db = new DatabaseCli(database, this.dir);
		assertThat(db.strings("SELECT revision FROM step_log ORDER BY revision")).containsExactly("r1", "r2", "r3",
				"r4", "r5");
		assertThat(db.strings("SELECT count(DISTINCT backend) FROM step_log")).containsExactly("1");
		assertThat(db.strings("SELECT revision FROM migrate_history WHERE operation = 'upgrade' AND success "
				+ "ORDER BY revision")).containsExactly("r1", "r2", "r3", "r4", "r5");
		assertThat(db.versions()).containsExactly("r5");
		assertThat(jar.ok("check").out()).isEqualTo("The database is at the heads: r5\n");
	}

	@Test
	void processKilledInsideARevisionLeavesNothingOfItAndNoLock(TestDatabase database) throws InterruptedException {
		// the revision sleeps only for the run that sets migrate_test.slow, on its session's options
		new RevisionFiles(this.dir.resolve("db/revisions"))
			.sql("a1", "create users", "", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;")
			.sql("b2", "slow orders", "a1", """
					CREATE TABLE orders (id int PRIMARY KEY);
					SELECT pg_sleep(CASE WHEN current_setting('migrate_test.slow', true) = 'on' THEN 30 ELSE 0 END);""",
					"DROP TABLE orders;");
		DatabaseCli db = new DatabaseCli(database, this.dir);
		MigrateJar jar = new MigrateJar(this.dir).database(database);
		// the engine sets client_connection_check_interval itself, so the backend notices its
		// client is gone while the 30 s statement runs
		String slowUrl = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
				+ "options=-c%20migrate_test.slow%3Don";
		Launched slow = new MigrateJar(this.dir).database(database)
			.env("MIGRATE_URL", slowUrl)
			.start("upgrade", "heads");
		String sleeping = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep(CASE%'";
		waitFor(() -> !db.strings(sleeping).isEmpty(), Duration.ofSeconds(60),
				() -> "the slow revision to start; stderr:\n" + slow.errSoFar());
		assertThat(slow.errSoFar()).contains("Running upgrade a1 -> b2, slow orders");
		assertThat(advisoryLocks(db)).isOne();

		slow.process().destroyForcibly();
		Result killed = slow.await();
		assertThat(killed.exitCode()).isEqualTo(137);
		waitFor(() -> advisoryLocks(db) == 0, Duration.ofSeconds(10),
				() -> "the advisory lock to be released once the killed session ended");

		assertThat(db.hasTable("orders")).isFalse();
		assertThat(db.hasTable("users")).isTrue();
		assertThat(db.versions()).containsExactly("a1");
		assertThat(db.strings("SELECT revision FROM migrate_history ORDER BY revision")).containsExactly("a1");
		Result next = jar.ok("upgrade", "heads", "--lock-timeout", "5s");
		assertThat(next.err()).isEqualTo("Running upgrade a1 -> b2, slow orders\n");
		assertThat(db.versions()).containsExactly("b2");
		assertThat(db.hasTable("orders")).isTrue();
	}

	private static int advisoryLocks(DatabaseCli db) {
		return Integer.parseInt(db.strings("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
				+ "(SELECT oid FROM pg_database WHERE datname = current_database())").get(0));
	}

	private static void waitFor(BooleanSupplier condition, Duration timeout, Supplier<String> what)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() < deadline).as("waited " + timeout + " for " + what.get()).isTrue();
			Thread.sleep(100);
		}
	}

}

package dev.migrate.lock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.migrate.IsolatedDatabases;
import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.LockTimeoutException;
import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.StepLog;
import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** MariaDB's {@code GET_LOCK}, and a run on MariaDB end to end. */
class MariaDbNamedLockTests {

	@Test
	void upgradesAndDowngradesUnderTheNamedLock() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.mariadb()) {
			StepLog.create(database.dataSource());
			Migrator migrator = Migrator.builder()
				.dataSource(database.dataSource())
				.revisions(List.of(StepLog.revision("a1"), StepLog.revision("b2", "a1")))
				.build();
			migrator.upgrade("heads");
			assertThat(migrator.current()).containsExactly("b2");
			migrator.downgrade("base");
			assertThat(StepLog.read(database.dataSource())).containsExactly("up a1", "up b2", "down b2", "down a1");
			assertThat(migrator.current()).isEmpty();
			assertThat(migrator.history()).hasSize(4);
			assertThat(migrator.history().get(0).startedAt()).isNotNull();
			assertThat(StepLog.query(database.dataSource(),
					"SELECT IS_USED_LOCK(CONCAT('migrate:', DATABASE(), '.migrate_version'))")).containsOnlyNulls();
		}
	}

	@Test
	void timeoutNamesTheConnectionHoldingTheLock() throws Exception {
		try (IsolatedDatabase database = IsolatedDatabases.mariadb()) {
			CountDownLatch inside = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Revision blocking = Revision.builder("a1")
				.migration(new PostgresAdvisoryLockTests.Blocking(inside, release))
				.build();
			Migrator first = Migrator.builder().dataSource(database.dataSource()).revisions(List.of(blocking)).build();
			CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> first.upgrade("heads"));
			assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
			try {
				Migrator second = Migrator.builder()
					.dataSource(database.dataSource())
					.revisions(List.of(blocking))
					.lockTimeout(Duration.ofMillis(200))
					.build();
				assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> second.upgrade("heads"))
					.withMessageContaining("held by connection id ")
					.withMessageContaining("(user root")
					.withMessageContaining("KILL ");
			}
			finally {
				release.countDown();
			}
			assertThat(running.get(20, TimeUnit.SECONDS).toHeads()).containsExactly("a1");
		}
	}

}

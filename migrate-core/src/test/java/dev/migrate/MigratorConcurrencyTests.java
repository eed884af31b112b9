package dev.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.info.HistoryEntry;
import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;

/** Several migrators upgrading one database at the same time. */
class MigratorConcurrencyTests {

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "postgresql-table" })
	void everyRevisionIsAppliedOnceWhenRunsRace(String engine) throws Exception {
		try (IsolatedDatabase database = MigratorTests.database(engine.replace("-table", ""))) {
			StepLog.create(database.dataSource());
			List<Revision> revisions = new ArrayList<>();
			revisions.add(StepLog.revision("r0"));
			for (int i = 1; i < 8; i++) {
				revisions.add(StepLog.revision("r" + i, "r" + (i - 1)));
			}
			int runs = 4;
			CyclicBarrier start = new CyclicBarrier(runs);
			List<CompletableFuture<RunResult>> results = new ArrayList<>();
			for (int i = 0; i < runs; i++) {
				Migrator migrator = Migrator.builder()
					.dataSource(database.dataSource())
					.revisions(revisions)
					.lockMode(engine.endsWith("-table") ? LockMode.TABLE : LockMode.ADVISORY)
					.lockTimeout(Duration.ofSeconds(60))
					.build();
				results.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					return migrator.upgrade("heads");
				}));
			}
			int applied = 0;
			for (CompletableFuture<RunResult> result : results) {
				RunResult run = result.get(60, TimeUnit.SECONDS);
				assertThat(run.toHeads()).containsExactly("r7");
				applied += run.steps().size();
			}
			assertThat(applied).isEqualTo(8);
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				expected.add("up r" + i);
			}
			assertThat(StepLog.read(database.dataSource())).isEqualTo(expected);
			assertThat(StepLog.versions(database.dataSource(), "migrate_version")).containsExactly("r7");
			assertThat(Migrator.builder().dataSource(database.dataSource()).revisions(revisions).build().history())
				.extracting(HistoryEntry::success)
				.hasSize(8)
				.containsOnly(true);
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

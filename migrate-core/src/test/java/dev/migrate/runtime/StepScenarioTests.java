package dev.migrate.runtime;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.IsolatedDatabases;
import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.StepLog;
import dev.migrate.revision.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import dev.migrate.revision.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alembic's step scenarios (tests/test_version_traversal.py) executed for real: every
 * revision logs its upgrade and downgrade into a table, and after each command the logged
 * order and the version rows are compared with what {@link RevisionGraph} plans and with
 * Alembic's expectations.
 */
class StepScenarioTests {

	/** a -> b, then two labelled branches b -> c1 -> d1 and b -> c2 -> d2 (BranchedPathTest). */
	static List<Revision> branched() {
		return List.of(StepLog.revision("a"), StepLog.revision("b", "a"),
				StepLog.builder("c1", "b").branchLabels("c1branch").build(), StepLog.revision("d1", "c1"),
				StepLog.builder("c2", "b").branchLabels("c2branch").build(), StepLog.revision("d2", "c2"));
	}

	/** {@link #branched()} with d1 and d2 merged by e, then f (MergedPathTest). */
	static List<Revision> merged() {
		return List.of(StepLog.revision("a"), StepLog.revision("b", "a"), StepLog.revision("c1", "b"),
				StepLog.revision("d1", "c1"), StepLog.builder("c2", "b").branchLabels("c2branch").build(),
				StepLog.revision("d2", "c2"), StepLog.revision("e", "d1", "d2"), StepLog.revision("f", "e"));
	}

	/** Two bases; c2 depends on c1 of the other branch, labelled (DependsOnBranchLabelTest). */
	static List<Revision> dependsOn() {
		return List.of(StepLog.builder("a1").branchLabels("lib1").build(), StepLog.revision("b1", "a1"),
				StepLog.builder("c1", "b1").branchLabels("c1lib").build(), StepLog.revision("a2"),
				StepLog.revision("b2", "a2"), StepLog.builder("c2", "b2").dependsOn("c1lib").build(),
				StepLog.revision("d1", "c1"), StepLog.revision("e1", "d1"), StepLog.revision("f1", "e1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void branchedUpgradesAndDowngradesEachBranch(String engine) throws SQLException {
		try (Scenario scenario = new Scenario(engine, branched())) {
			scenario.upgrade("a");
			// test_upgrade_multiple_branch: from a to both heads
			assertThat(scenario.upgrade("heads")).containsExactly("up b", "up c2", "up d2", "up c1", "up d1");
			assertThat(scenario.versions()).containsExactlyInAnyOrder("d1", "d2");
			// test_downgrade_multiple_branch: from both heads to a
			assertThat(scenario.downgrade("a")).containsExactly("down d1", "down c1", "down d2", "down c2",
					"down b");
			assertThat(scenario.versions()).containsExactly("a");
			// test_upgrade_single_branch: from b to d1
			scenario.upgrade("b");
			assertThat(scenario.upgrade("d1")).containsExactly("up c1", "up d1");
			assertThat(scenario.versions()).containsExactly("d1");
			// the other branch joins as a second head
			assertThat(scenario.upgrade("c2branch@head")).containsExactly("up c2", "up d2");
			assertThat(scenario.versions()).containsExactlyInAnyOrder("d1", "d2");
			// one branch back to the branch point, the other untouched
			assertThat(scenario.downgrade("c1branch@-2")).containsExactly("down d1", "down c1");
			assertThat(scenario.versions()).containsExactly("d2");
			assertThat(scenario.downgrade("base")).containsExactly("down d2", "down c2", "down b", "down a");
			assertThat(scenario.versions()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void branchedStampsMoveRowsWithoutRunningRevisions(String engine) throws SQLException {
		try (Scenario scenario = new Scenario(engine, branched())) {
			scenario.upgrade("d1");
			scenario.upgrade("c2");
			assertThat(scenario.versions()).containsExactlyInAnyOrder("d1", "c2");
			// test_stamp_to_labeled_head_multiple_heads: c2 moves to d2, c1branch unchanged
			scenario.stamp("c2branch@head");
			assertThat(scenario.versions()).containsExactlyInAnyOrder("d1", "d2");
			scenario.stamp("c2");
			// test_stamp_down_across_multiple_branch_to_branchpoint: delete d1, update c2 to b
			scenario.stamp("b");
			assertThat(scenario.versions()).containsExactly("b");
			// test_stamp_to_labeled_base_multiple_heads
			scenario.stamp("d1");
			scenario.stamp("c2");
			scenario.stamp("c1branch@base");
			assertThat(scenario.versions()).containsExactly("c2");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void mergedUpgradesAndDowngradesAcrossTheMergePoint(String engine) throws SQLException {
		try (Scenario scenario = new Scenario(engine, merged())) {
			scenario.upgrade("b");
			// test_upgrade_across_merge_point
			assertThat(scenario.upgrade("f")).containsExactly("up c2", "up d2", "up c1", "up d1", "up e", "up f");
			assertThat(scenario.versions()).containsExactly("f");
			// test_downgrade_across_merge_point: e unmerges into d1 and d2
			assertThat(scenario.downgrade("e")).containsExactly("down f");
			// only descendants of the target go: e unmerges, d2 stays a head of its own
			assertThat(scenario.downgrade("d1")).containsExactly("down e");
			assertThat(scenario.versions()).containsExactlyInAnyOrder("d1", "d2");
			scenario.upgrade("heads");
			assertThat(scenario.downgrade("b")).containsExactly("down f", "down e", "down d1", "down c1", "down d2",
					"down c2");
			assertThat(scenario.versions()).containsExactly("b");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void mergedStampsAcrossTheMergePoint(String engine) throws SQLException {
		try (Scenario scenario = new Scenario(engine, merged())) {
			scenario.stamp("e");
			// test_stamp_down_across_merge_point_branch: update e to c2
			scenario.stamp("c2");
			assertThat(scenario.versions()).containsExactly("c2");
			// test_stamp_up_across_merge_from_single_branch
			scenario.stamp("e");
			assertThat(scenario.versions()).containsExactly("e");
			// test_stamp_up_across_merge_from_multiple_branch: delete d1, update c2 to e
			scenario.stampPurged("d1", "c2");
			scenario.stamp("e");
			assertThat(scenario.versions()).containsExactly("e");
			// test_stamp_labeled_head_across_merge_from_multiple_branch
			scenario.stampPurged("d1", "c2");
			scenario.stamp("c2branch@head");
			assertThat(scenario.versions()).containsExactly("f");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void dependenciesRunFirstAndKeepNoRowOfTheirOwn(String engine) throws SQLException {
		try (Scenario scenario = new Scenario(engine, dependsOn())) {
			scenario.upgrade("a2");
			// DependsOnBranchLabelTest.test_upgrade_path
			assertThat(scenario.upgrade("c2")).containsExactly("up a1", "up b1", "up c1", "up b2", "up c2");
			assertThat(scenario.versions()).containsExactly("c2");
			assertThat(scenario.upgrade("d1")).containsExactly("up d1");
			assertThat(scenario.versions()).containsExactlyInAnyOrder("c2", "d1");
			// DependsOnBranchTestOne.test_downgrade_to_dependency
			assertThat(scenario.downgrade("c1")).containsExactly("down d1");
			assertThat(scenario.versions()).containsExactly("c2");
			scenario.upgrade("heads");
			assertThat(scenario.versions()).containsExactlyInAnyOrder("c2", "f1");
			assertThat(scenario.downgrade("base")).hasSize(9).startsWith("down c2").endsWith("down a1");
			assertThat(scenario.versions()).isEmpty();
		}
	}

	/** A database, revisions that log their steps, and a migrator over them. */
	static final class Scenario implements AutoCloseable {

		private final IsolatedDatabase database;

		private final Migrator migrator;

		private final RevisionGraph graph;

		Scenario(String engine, List<Revision> revisions) throws SQLException {
			this.database = engine.equals("postgresql") ? IsolatedDatabases.postgres() : IsolatedDatabases.h2();
			StepLog.create(this.database.dataSource());
			this.migrator = Migrator.builder()
				.dataSource(this.database.dataSource())
				.revisions(revisions)
				.lockTimeout(Duration.ofSeconds(10))
				.build();
			this.graph = this.migrator.graph();
		}

		/** Upgrades, checking the run against the graph's plan; the logged steps. */
		List<String> upgrade(String target) throws SQLException {
			return run((current) -> this.graph.upgrade(current, target), () -> this.migrator.upgrade(target));
		}

		List<String> downgrade(String target) throws SQLException {
			return run((current) -> this.graph.downgrade(current, target), () -> this.migrator.downgrade(target));
		}

		void stamp(String... targets) throws SQLException {
			assertThat(run((current) -> this.graph.stamp(current, List.of(targets), false),
					() -> this.migrator.stamp(List.of(targets), false)))
				.isEmpty();
		}

		void stampPurged(String... targets) {
			this.migrator.stamp(List.of(targets), true);
			assertThat(this.migrator.current()).containsExactlyInAnyOrder(targets);
		}

		private List<String> run(Function<List<String>, Plan> planner, java.util.function.Supplier<RunResult> command)
				throws SQLException {
			List<String> current = this.migrator.current();
			Plan plan = planner.apply(current);
			StepLog.clear(this.database.dataSource());
			RunResult result = command.get();
			List<String> logged = StepLog.read(this.database.dataSource());
			List<String> planned = new ArrayList<>();
			for (Step step : plan.steps()) {
				if (!step.isStamp()) {
					planned.add((step.isUpgrade() ? "up " : "down ") + step.revision().id());
				}
			}
			assertThat(logged).as("steps run").isEqualTo(planned);
			assertThat(result.steps()).isEqualTo(plan.steps());
			assertThat(versions()).as("version rows").containsExactlyInAnyOrderElementsOf(plan.resultingHeads());
			assertThat(result.toHeads()).containsExactlyInAnyOrderElementsOf(plan.resultingHeads());
			return logged;
		}

		List<String> versions() throws SQLException {
			return StepLog.versions(this.database.dataSource(), "migrate_version");
		}

		@Override
		public void close() {
			this.database.close();
		}

	}

}

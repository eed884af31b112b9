package dev.migrate.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.migrate.revision.VersionChange.Kind;

import static dev.migrate.revision.RevisionGraphTests.assertNames;
import static dev.migrate.revision.RevisionGraphTests.builder;
import static dev.migrate.revision.RevisionGraphTests.graph;
import static dev.migrate.revision.RevisionGraphTests.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the planning of {@link RevisionGraph}: {@code upgrade}, {@code downgrade} and
 * {@code stamp}. The nested classes port the scenarios of Alembic's
 * {@code tests/test_version_traversal.py} (one nested class per Alembic test class, one test
 * per Alembic test, named after it; revisions in the order its {@code setup_class} creates
 * them), then the stamp and version-table scenarios of {@code test_command.py}, then our own.
 * <p>
 * Alembic's {@code _assert_upgrade}/{@code _assert_downgrade} compare the steps in order and
 * the heads left by its {@code HeadMaintainer} as a set; here those heads are the plan's
 * resulting heads, and every plan is also replayed row by row to check that each step's
 * version changes lead to its {@code headsAfter}.
 */
class RevisionGraphPlanTests {

	static List<String> steps(Plan plan) {
		return plan.steps().stream().map(RevisionGraphPlanTests::describe).toList();
	}

	static String describe(Step step) {
		if (step.isStamp()) {
			return "stamp " + step.fromRevisions() + " -> " + step.toRevisions();
		}
		return (step.isUpgrade() ? "up " : "down ") + step.revision().id();
	}

	static List<String> up(String... ids) {
		return Arrays.stream(ids).map((id) -> "up " + id).toList();
	}

	static List<String> down(String... ids) {
		return Arrays.stream(ids).map((id) -> "down " + id).toList();
	}

	static List<String> heads(String... ids) {
		return List.of(ids);
	}

	static List<String> changes(Step step) {
		return step.versionChanges().stream().map(VersionChange::toString).toList();
	}

	static List<String> changes(Plan plan) {
		return plan.steps().stream().flatMap((step) -> changes(step).stream()).toList();
	}

	static Plan assertUpgrade(RevisionGraph graph, String destination, List<String> source, List<String> expected,
			String... expectedHeads) {
		Plan plan = graph.upgrade(source, destination);
		assertThat(steps(plan)).as("upgrade from %s to %s", source, destination).containsExactlyElementsOf(expected);
		assertHeads(plan, source, expectedHeads);
		return plan;
	}

	static Plan assertDowngrade(RevisionGraph graph, String destination, List<String> source, List<String> expected,
			String... expectedHeads) {
		Plan plan = graph.downgrade(source, destination);
		assertThat(steps(plan)).as("downgrade from %s to %s", source, destination)
			.containsExactlyElementsOf(expected);
		assertHeads(plan, source, expectedHeads);
		return plan;
	}

	static void assertHeads(Plan plan, Collection<String> source, String... expectedHeads) {
		assertThat(plan.resultingHeads()).as("resulting heads").containsExactlyInAnyOrder(expectedHeads);
		assertReplays(plan, source);
	}

	/**
	 * Replays the version changes of each step over the rows it starts from, as Alembic's
	 * {@code HeadMaintainer} does: an insert adds a row that is not there, a delete and an
	 * update need the row they remove.
	 */
	static void assertReplays(Plan plan, Collection<String> source) {
		Set<String> rows = new LinkedHashSet<>(source);
		for (Step step : plan.steps()) {
			for (VersionChange change : step.versionChanges()) {
				if (change.kind() != Kind.INSERT) {
					assertThat(rows).as("rows before %s in %s", change, step).contains(change.from());
					rows.remove(change.from());
				}
				if (change.kind() != Kind.DELETE) {
					assertThat(rows).as("rows before %s in %s", change, step).doesNotContain(change.to());
					rows.add(change.to());
				}
			}
			assertThat(step.headsAfter()).as("heads after %s", step).containsExactlyInAnyOrderElementsOf(rows);
		}
		assertThat(plan.resultingHeads()).as("resulting heads").containsExactlyInAnyOrderElementsOf(rows);
	}

	/**
	 * The version-table writes of a plan as Alembic's {@code _StampTest._assert_sql} checks
	 * them: with an origin, first an update of the origin's row, then inserts; the rows
	 * written are exactly the destinations.
	 */
	static void assertVersionWrites(Plan plan, String origin, String... destinations) {
		List<VersionChange> writes = plan.steps()
			.stream()
			.flatMap((step) -> step.versionChanges().stream())
			.filter((change) -> change.kind() != Kind.DELETE)
			.toList();
		List<String> written = new ArrayList<>();
		for (int i = 0; i < writes.size(); i++) {
			VersionChange change = writes.get(i);
			if (i == 0 && origin != null) {
				assertThat(change.kind()).as("first write %s", change).isEqualTo(Kind.UPDATE);
				assertThat(change.from()).as("first write %s", change).isEqualTo(origin);
			}
			else {
				assertThat(change.kind()).as("write %s", change).isEqualTo(Kind.INSERT);
			}
			written.add(change.to());
		}
		assertThat(written).containsExactlyInAnyOrder(destinations);
	}

	@Nested
	class RevisionPathTest {

		static final String A = "e6239818bb3a";

		static final String B = "548bbb905360";

		static final String C = "b7ea43dc85e4";

		static final String D = "1bbe33445780";

		static final String E = "3975fb1a0125";

		final RevisionGraph graph = graph(rev(A), rev(B, A), rev(C, B), rev(D, C), rev(E, D));

		@Test
		void downgradeBaseNoVersion() {
			assertDowngrade(this.graph, "base", heads(), down());
		}

		@Test
		void downgradeToExisting() {
			// Alembic #838: downgrade to a revision already current, but not a head
			assertDowngrade(this.graph, A, heads(A), down(), A);
		}

		@Test
		void downgradeToExistingHead() {
			// Alembic #839: downgrade to a revision already current that is a head
			assertDowngrade(this.graph, E, heads(E), down(), E);
		}

		@Test
		void upgradePath() {
			assertUpgrade(this.graph, E, heads(C), up(D, E), E);
			assertUpgrade(this.graph, C, heads(), up(A, B, C), C);
		}

		@Test
		void relativeUpgradePath() {
			assertUpgrade(this.graph, "+2", heads(A), up(B, C), C);
			assertUpgrade(this.graph, "+1", heads(A), up(B), B);
			assertUpgrade(this.graph, "+3", heads(B), up(C, D, E), E);
			assertUpgrade(this.graph, B + "+2", heads(A), up(B, C, D), D);
			assertUpgrade(this.graph, D + "-2", heads(A), up(B), B);
		}

		@Test
		void invalidRelativeUpgradePath() {
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> this.graph.upgrade(heads(B), "-2"))
				.satisfies((ex) -> assertNames(ex, "-2"));
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> this.graph.upgrade(heads(B), "+5"))
				.satisfies((ex) -> assertNames(ex, "+5"));
		}

		@Test
		void downgradePath() {
			assertDowngrade(this.graph, C, heads(E), down(E, D), C);
			assertDowngrade(this.graph, "base", heads(C), down(C, B, A));
		}

		@Test
		void relativeDowngradePath() {
			assertDowngrade(this.graph, "-1", heads(C), down(C), B);
			assertDowngrade(this.graph, "-3", heads(E), down(E, D, C), B);
			assertDowngrade(this.graph, A + "+2", heads(D), down(D), C);
			assertDowngrade(this.graph, C + "-2", heads(D), down(D, C, B), A);
		}

		@Test
		void invalidRelativeDowngradePath() {
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> this.graph.downgrade(heads(B), "-5"))
				.satisfies((ex) -> assertNames(ex, "-5"));
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> this.graph.downgrade(heads(B), "+2"))
				.satisfies((ex) -> assertNames(ex, "+2"));
		}

		@Test
		void invalidMoveRevToNone() {
			String destination = B.substring(0, 3);
			assertThatExceptionOfType(RangeNotAncestorException.class)
				.isThrownBy(() -> this.graph.downgrade(heads(), destination))
				.satisfies((ex) -> assertNames(ex, destination));
		}

		@Test
		void invalidMoveHigherToLower() {
			String destination = C.substring(0, 4);
			assertThatExceptionOfType(RangeNotAncestorException.class)
				.isThrownBy(() -> this.graph.downgrade(heads(B), destination))
				.satisfies((ex) -> assertNames(ex, destination));
		}

		@Test
		void stampToBase() {
			Plan plan = this.graph.stamp(heads(D), List.of("base"), false);
			assertThat(plan.steps()).hasSize(1);
			assertThat(changes(plan.steps().get(0))).containsExactly("delete " + D);
		}

	}

	@Nested
	class BranchedPathTest {

		final RevisionGraph graph = graph(rev("a"), rev("b", "a"), builder("c1", "b").branchLabels("c1branch").build(),
				rev("d1", "c1"), builder("c2", "b").branchLabels("c2branch").build(), rev("d2", "c2"));

		@Test
		void stampDownAcrossMultipleBranchToBranchpoint() {
			Plan plan = this.graph.stamp(heads("d1", "c2"), List.of("b"), false);
			assertThat(plan.steps()).hasSize(1);
			// delete d1, update c2 to b
			assertThat(changes(plan.steps().get(0))).containsExactly("delete d1", "update c2 to b");
		}

		@Test
		void stampToLabeledBaseMultipleHeads() {
			Plan plan = this.graph.stamp(heads("d1", "c2"), List.of("c1branch@base"), false);
			assertThat(plan.steps()).hasSize(1);
			assertThat(changes(plan.steps().get(0))).containsExactly("delete d1");
		}

		@Test
		void stampToLabeledHeadMultipleHeads() {
			Plan plan = this.graph.stamp(heads("d1", "c2"), List.of("c2branch@head"), false);
			assertThat(plan.steps()).hasSize(1);
			// the c1branch remains unchanged
			assertThat(changes(plan.steps().get(0))).containsExactly("update c2 to d2");
		}

		@Test
		void upgradeSingleBranch() {
			assertUpgrade(this.graph, "d1", heads("b"), up("c1", "d1"), "d1");
		}

		@Test
		void upgradeMultipleBranch() {
			// from a single head to several: Alembic targets (d1, d2), which are the heads;
			// our upgrade takes one target
			assertUpgrade(this.graph, "heads", heads("a"), up("b", "c2", "d2", "c1", "d1"), "d1", "d2");
		}

		@Test
		void downgradeMultipleBranch() {
			assertDowngrade(this.graph, "a", heads("d1", "d2"), down("d1", "c1", "d2", "c2", "b"), "a");
		}

		@Test
		void relativeUpgrade() {
			assertUpgrade(this.graph, "c2branch@head-1", heads("b"), up("c2"), "c2");
		}

		@Test
		void relativeDowngradeBaseplus2() {
			// base+2 is b, with no branch label: everything above b goes
			assertDowngrade(this.graph, "base+2", heads("d2", "d1"), down("d1", "c1", "d2", "c2"), "b");
		}

		@Test
		void relativeDowngradeBranchplus2() {
			// only c2branch goes down, back to base+2 = b (Alembic PR #763)
			assertDowngrade(this.graph, "c2branch@base+2", heads("d2", "d1"), down("d2", "c2"), "d1");
		}

		@Test
		void relativeDowngradeBranchplus3() {
			// c2branch@base+3 is c2
			assertDowngrade(this.graph, "c2", heads("d2", "d1"), down("d2"), "d1", "c2");
			assertDowngrade(this.graph, "c2branch@base+3", heads("d2", "d1"), down("d2"), "d1", "c2");
		}

		// "-1" from several heads depends on the order of the current heads; Alembic warns that
		// it is ambiguous but documents it as a use case of branching.

		@Test
		void downgradeOnceOrderRight() {
			assertDowngrade(this.graph, "-1", heads("d2", "d1"), down("d2"), "d1", "c2");
		}

		@Test
		void downgradeOnceOrderRightUnbalanced() {
			assertDowngrade(this.graph, "-1", heads("c2", "d1"), down("c2"), "d1");
		}

		@Test
		void downgradeOnceOrderLeft() {
			assertDowngrade(this.graph, "-1", heads("d1", "d2"), down("d1"), "d2", "c1");
		}

		@Test
		void downgradeOnceOrderLeftUnbalanced() {
			assertDowngrade(this.graph, "-1", heads("c1", "d2"), down("c1"), "d2");
		}

		@Test
		void downgradeOnceOrderLeftUnbalancedLabelled() {
			assertDowngrade(this.graph, "c1branch@-1", heads("d1", "d2"), down("d1"), "c1", "d2");
		}

		// Alembic #765

		@Test
		void downgradeRelativeOrderRight() {
			assertDowngrade(this.graph, "d2-1", heads("d2", "c1"), down("d2"), "c1", "c2");
		}

		@Test
		void downgradeRelativeOrderLeft() {
			assertDowngrade(this.graph, "d2-1", heads("c1", "d2"), down("d2"), "c1", "c2");
		}

		@Test
		void downgradeSingleBranchC1branch() {
			// a branch label names the branch to downgrade
			assertDowngrade(this.graph, "c1branch@b", heads("c1", "d2"), down("c1"), "d2");
		}

		@Test
		void downgradeSingleBranchC1branchFromD1Head() {
			// a branch label that is not on the head revision names the branch
			assertDowngrade(this.graph, "c2branch@b", heads("c1", "d2"), down("d2", "c2"), "c1");
		}

		@Test
		void downgradeSingleBranchC2() {
			// a revision on the branch (not its head) names the branch
			assertDowngrade(this.graph, "c2@b", heads("d1", "d2"), down("d2", "c2"), "d1");
		}

		@Test
		void downgradeSingleBranchD1() {
			// the head revision names the branch
			assertDowngrade(this.graph, "d1@b", heads("d1", "d2"), down("d1", "c1"), "d2");
		}

		@Test
		void downgradeRelativeToBranchHead() {
			assertDowngrade(this.graph, "c1branch@head-1", heads("d1", "d2"), down("d1"), "c1", "d2");
		}

		@Test
		void upgradeOtherBranchFromMergepoint() {
			// c2branch forward by one: one past the branch point here
			assertUpgrade(this.graph, "c2branch@+1", heads("c1"), up("c2"), "c1", "c2");
		}

		@Test
		void upgradeOneBranchOfHeads() {
			assertUpgrade(this.graph, "c2branch@+1", heads("c1", "c2"), up("d2"), "c1", "d2");
		}

		@Test
		void ambiguousUpgrade() {
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> this.graph.upgrade(heads("c1", "c2"), "+1"));
		}

		@Test
		void upgradeFromBase() {
			assertUpgrade(this.graph, "base+1", heads(), up("a"), "a");
		}

		@Test
		void upgradeFromBaseImplicit() {
			assertUpgrade(this.graph, "+1", heads(), up("a"), "a");
		}

		@Test
		void downgradeMinus1ToBase() {
			assertDowngrade(this.graph, "-1", heads("a"), down("a"));
		}

		@Test
		void downgradeMinus1FromBase() {
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> this.graph.downgrade(heads(), "-1"))
				.satisfies((ex) -> assertNames(ex, "-1"));
		}

		@Test
		void downgradeNoEffectBranched() {
			assertDowngrade(this.graph, "c2", heads("d1", "c2"), down(), "d1", "c2");
			assertDowngrade(this.graph, "d1", heads("d1", "c2"), down(), "d1", "c2");
		}

	}

	/** A form that comes up often with many independent roots and cross dependencies. */
	@Nested
	class BranchFromMergepointTest {

		// d1 merges c1 and c2; c2 goes on into d2
		final RevisionGraph graph = graph(rev("a1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"), rev("b2", "a2"),
				rev("c2", "b2"), rev("d1", "c1", "c2"), rev("d2", "c2"));

		@Test
		void mergepointToOnlyOneSideUpgrade() {
			assertUpgrade(this.graph, "d1", heads("d2", "b1"), up("c1", "d1"), "d2", "d1");
		}

		@Test
		void mergepointToOnlyOneSideDowngrade() {
			assertDowngrade(this.graph, "b1", heads("d2", "d1"), down("d1", "c1"), "d2", "b1");
		}

	}

	@Nested
	class BranchFrom3WayMergepointTest {

		// d1 merges c1, c2 and c3; c2 goes on into d2, c3 into d3
		final RevisionGraph graph = graph(rev("a1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"), rev("b2", "a2"),
				rev("c2", "b2"), rev("a3"), rev("b3", "a3"), rev("c3", "b3"), rev("d1", "c1", "c2", "c3"),
				rev("d2", "c2"), rev("d3", "c3"));

		@Test
		void mergepointToOnlyOneSideUpgrade() {
			assertUpgrade(this.graph, "d1", heads("d3", "d2", "b1"), up("c1", "d1"), "d3", "d2", "d1");
		}

		@Test
		void mergepointToOnlyOneSideDowngrade() {
			assertDowngrade(this.graph, "b1", heads("d3", "d2", "d1"), down("d1", "c1"), "d3", "d2", "b1");
		}

		@Test
		void mergepointToTwoSidesUpgrade() {
			// merges b2 and b1 into d1
			assertUpgrade(this.graph, "d1", heads("d3", "b2", "b1"), up("c2", "c1", "d1"), "d3", "d1");
			// and b2's branch breaks out again going on to d2
			assertUpgrade(this.graph, "d2", heads("d3", "d1"), up("d2"), "d3", "d2", "d1");
		}

	}

	/**
	 * Two merge points of the same branches (Alembic #297). Alembic feeds hand-picked steps to
	 * its {@code HeadMaintainer}; here each step is a one-step upgrade plan from the heads the
	 * previous one left.
	 *
	 * <pre>
	 * a -> b1, b2, b3
	 * b1, b2, b3 -> c1 -> d1
	 * b1, b2, b3 -> c2 -> d2
	 * </pre>
	 */
	@Nested
	class TwinMergeTest {

		final RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"),
				rev("c1", "b1", "b2", "b3"), rev("c2", "b1", "b2", "b3"), rev("d1", "c1"), rev("d2", "c2"));

		@Test
		void upgrade() {
			List<String> heads = heads("a");
			heads = assertOneStepUpgrade(this.graph, heads, "b3", "b3");
			heads = assertOneStepUpgrade(this.graph, heads, "b1", "b1", "b3");
			heads = assertOneStepUpgrade(this.graph, heads, "b2", "b1", "b2", "b3");
			heads = assertOneStepUpgrade(this.graph, heads, "c2", "c2");
			heads = assertOneStepUpgrade(this.graph, heads, "d2", "d2");
			heads = assertOneStepUpgrade(this.graph, heads, "c1", "c1", "d2");
			assertOneStepUpgrade(this.graph, heads, "d1", "d1", "d2");
		}

	}

	/**
	 * A variant of Alembic #297.
	 *
	 * <pre>
	 * a -> b1, b2, b3
	 * b1, b2 -> c1 -> d1
	 * b2, b3 -> c2 -> d2
	 * </pre>
	 */
	@Nested
	class NotQuiteTwinMergeTest {

		final RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"),
				rev("c1", "b1", "b2"), rev("c2", "b2", "b3"), rev("d1", "c1"), rev("d2", "c2"));

		@Test
		void upgrade() {
			List<String> heads = heads("a");
			heads = assertOneStepUpgrade(this.graph, heads, "b2", "b2");
			heads = assertOneStepUpgrade(this.graph, heads, "b3", "b2", "b3");
			heads = assertOneStepUpgrade(this.graph, heads, "c2", "c2");
			heads = assertOneStepUpgrade(this.graph, heads, "d2", "d2");
			heads = assertOneStepUpgrade(this.graph, heads, "b1", "b1", "d2");
			heads = assertOneStepUpgrade(this.graph, heads, "c1", "c1", "d2");
			assertOneStepUpgrade(this.graph, heads, "d1", "d1", "d2");
		}

	}

	static List<String> assertOneStepUpgrade(RevisionGraph graph, List<String> heads, String target,
			String... expectedHeads) {
		return assertUpgrade(graph, target, heads, up(target), expectedHeads).resultingHeads();
	}

	@Nested
	class DependsOnBranchTestOne {

		final RevisionGraph graph = graph(builder("a1").branchLabels("lib1").build(), rev("b1", "a1"),
				rev("c1", "b1"), rev("a2"), rev("b2", "a2"), builder("c2", "b2").dependsOn("c1").build(),
				rev("d1", "c1"), rev("e1", "d1"), rev("f1", "e1"));

		@Test
		void downgradeToDependency() {
			// Alembic steps its HeadMaintainer down d1 from (c2, d1): the plan to c1 is that step
			assertDowngrade(this.graph, "c1", heads("c2", "d1"), down("d1"), "c2");
		}

		@Test
		void stampAcrossDependency() {
			Plan plan = this.graph.stamp(heads("e1", "c2"), List.of("b1"), false);
			assertHeads(plan, heads("e1", "c2"), "b1");
		}

	}

	/**
	 * <pre>
	 * a1 ---+
	 *       |
	 * a2 ---+--> amerge
	 *       |
	 * a3 ---+
	 *  ^
	 *  +------------------------+
	 *                           |
	 * b1 ---+                   |
	 *       +--> bmerge       d1 (depends on a3, b2, c1)
	 * b2 ---+                 | |
	 *  ^                      | |
	 *  +----------------------+ |
	 *                           |
	 *  +------------------------+
	 *  v
	 * c1 ---+
	 *       |
	 * c2 ---+--> cmerge
	 *       |
	 * c3 ---+
	 * </pre>
	 */
	@Nested
	class DependsOnBranchTestTwo {

		final RevisionGraph graph = graph(rev("a1"), rev("a2"), rev("a3"), rev("amerge", "a1", "a2", "a3"), rev("b1"),
				rev("b2"), rev("bmerge", "b1", "b2"), rev("c1"), rev("c2"), rev("c3"),
				rev("cmerge", "c1", "c2", "c3"), builder("d1").dependsOn("a3", "b2", "c1").build());

		@Test
		void kaboom() {
			assertDowngrade(this.graph, "b2", heads("amerge", "bmerge", "cmerge", "d1"), down("bmerge"), "amerge",
					"b1", "cmerge",
					// b2 is not a row, but d1 is, which implies b2
					"d1");

			assertDowngrade(this.graph, "d1@base", heads("amerge", "d1", "b1", "cmerge"), down("d1"), "amerge", "b1",
					// b2 is inserted, because d1 implied it
					"b2", "cmerge");

			// this order depends a lot on the sorting, as all are heads
			assertDowngrade(this.graph, "base", heads("amerge", "b1", "b2", "cmerge"),
					down("amerge", "a1", "b1", "b2", "cmerge", "c1", "a2", "a3", "c2", "c3"));
		}

	}

	/**
	 * Alembic #377.
	 *
	 * <pre>
	 * base -> a1 --+--> a2 -------> a3
	 *              |     ^          |
	 *              |     |   +------+
	 *              |     |   |
	 *              |     +---|------+
	 *              |         |      |
	 *              |         v      |
	 *              +-------> b1 --> b2 --> b3
	 * </pre>
	 */
	@Nested
	class DependsOnBranchTestThree {

		final RevisionGraph graph = graph(rev("a1"), rev("a2", "a1"), rev("b1"),
				builder("b2", "b1").dependsOn("a2").build(), rev("b3", "b2"),
				builder("a3", "a2").dependsOn("b1").build());

		@Test
		void downgradeOverCrisscross() {
			// b2 can go, though a3 needs b1: half of a merge point may be removed
			assertDowngrade(this.graph, "b1", heads("a3", "b2"), down("b2"),
					// b1 is there too, implied by a3
					"a3");
		}

	}

	/** Alembic #843. */
	@Nested
	class DependsOnOwnDownrevTest {

		final RevisionGraph graph = graph(rev("a1"), builder("a2", "a1").dependsOn("a1").build());

		@Test
		void traverse() {
			assertUpgrade(this.graph, "a2", heads(), up("a1", "a2"), "a2");
		}

		@Test
		void traverseDown() {
			assertDowngrade(this.graph, "a1", heads("a2"), down("a2"), "a1");
		}

	}

	/** Alembic #789. */
	@Nested
	class DependsOnBranchTestFour {

		final RevisionGraph graph = graph(rev("a1"), rev("a2", "a1"), rev("a3", "a2"), rev("b1"),
				builder("b2", "b1").dependsOn("a3").build(), rev("b3", "b2"),
				builder("b4", "b3").dependsOn("a3").build());

		@Test
		void dependenciesAreNormalized() {
			// a3 is not a row: b3 still implies it
			assertDowngrade(this.graph, "b3", heads("b4"), down("b4"), "b3");
		}

	}

	/**
	 * Alembic #1373.
	 *
	 * <pre>
	 * base -> a1 ------+
	 *         ^        |
	 *         |        +-> bmerge
	 *         |        |
	 *         +-- b1 --+
	 * </pre>
	 */
	@Nested
	class DependsOnBranchTestFive {

		final RevisionGraph graph = graph(rev("a1"), builder("b1").dependsOn("a1").build(), rev("bmerge", "a1", "b1"));

		@Test
		void downgradeToDependsOn() {
			assertUpgrade(this.graph, "b1", heads("a1"), up("b1"), "b1");
			assertUpgrade(this.graph, "bmerge", heads("b1"), up("bmerge"), "bmerge");
			// from bmerge down to a1 goes back to b1, as does down to b1
			assertDowngrade(this.graph, "a1", heads("bmerge"), down("bmerge"), "b1");
			assertDowngrade(this.graph, "b1", heads("bmerge"), down("bmerge"), "b1");
		}

	}

	@Nested
	class DependsOnBranchLabelTest {

		final RevisionGraph graph = graph(builder("a1").branchLabels("lib1").build(), rev("b1", "a1"),
				builder("c1", "b1").branchLabels("c1lib").build(), rev("a2"), rev("b2", "a2"),
				builder("c2", "b2").dependsOn("c1lib").build(), rev("d1", "c1"), rev("e1", "d1"), rev("f1", "e1"));

		@Test
		void upgradePath() {
			assertUpgrade(this.graph, "c2", heads("a2"), up("a1", "b1", "c1", "b2", "c2"), "c2");
		}

	}

	@Nested
	class ForestTest {

		final RevisionGraph graph = graph(rev("a1"), rev("b1", "a1"), rev("a2"), rev("b2", "a2"));

		@Test
		void baseToHeads() {
			assertThat(steps(this.graph.upgrade(heads(), "heads"))).containsExactlyElementsOf(up("a2", "b2", "a1", "b1"));
		}

		@Test
		void stampToHeads() {
			Plan plan = this.graph.stamp(heads(), List.of("heads"), false);
			assertThat(plan.steps()).hasSize(2);
			assertThat(plan.steps()).extracting(Step::toRevisions)
				.containsExactlyInAnyOrder(List.of("b1"), List.of("b2"));
		}

		@Test
		void stampToHeadsNoMovesNeeded() {
			assertThat(this.graph.stamp(heads("b1", "b2"), List.of("heads"), false).steps()).isEmpty();
		}

	}

	@Nested
	class MergedPathTest {

		// e merges d1 and d2, f follows e
		final RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("d1", "c1"),
				builder("c2", "b").branchLabels("c2branch").build(), rev("d2", "c2"), rev("e", "d1", "d2"),
				rev("f", "e"));

		@Test
		void stampDownAcrossMergePointBranch() {
			assertOneStamp(heads("e"), "c2", "update e to c2");
		}

		@Test
		void stampDownAcrossMergePriorBranching() {
			assertOneStamp(heads("e"), "a", "update e to a");
		}

		@Test
		void stampUpAcrossMergeFromSingleBranch() {
			assertOneStamp(heads("c2"), "e", "update c2 to e");
		}

		@Test
		void stampLabeledHeadAcrossMergeFromMultipleBranch() {
			// the lineage filter keeps d1 both as a member of c2branch's lineage and because f,
			// the head, descends from d1 and d2
			assertOneStamp(heads("d1", "c2"), "c2branch@head", "delete d1", "update c2 to f");
		}

		@Test
		void stampUpAcrossMergeFromMultipleBranch() {
			assertOneStamp(heads("d1", "c2"), "e", "delete d1", "update c2 to e");
		}

		@Test
		void stampUpAcrossMergePriorBranching() {
			assertOneStamp(heads("b"), "e", "update b to e");
		}

		@Test
		void upgradeAcrossMergePoint() {
			Plan plan = this.graph.upgrade(heads("b"), "f");
			// b -> c1 creates a branch, d1, d2 -> e merges the branches
			assertThat(steps(plan)).containsExactlyElementsOf(up("c2", "d2", "c1", "d1", "e", "f"));
			assertReplays(plan, heads("b"));
		}

		@Test
		void downgradeAcrossMergePoint() {
			Plan plan = this.graph.downgrade(heads("f"), "b");
			// e -> d1, d2 unmerges the branches, c2 -> b deletes a branch
			assertThat(steps(plan)).containsExactlyElementsOf(down("f", "e", "d1", "c1", "d2", "c2"));
			assertReplays(plan, heads("f"));
		}

		private void assertOneStamp(List<String> heads, String target, String... changes) {
			Plan plan = this.graph.stamp(heads, List.of(target), false);
			assertThat(plan.steps()).hasSize(1);
			assertThat(changes(plan.steps().get(0))).containsExactly(changes);
		}

	}

	@Nested
	class BranchedPathTestCrossDependencies {

		final RevisionGraph graph = graph(rev("a"), rev("b", "a"), builder("c1", "b").branchLabels("c1branch").build(),
				rev("d1", "c1"), builder("c2", "b").branchLabels("c2branch").build(),
				builder("d2", "c2").dependsOn("c1").build());

		@Test
		void downgradeIndependentBranch() {
			// c2branch depends on c1branch, so it can go down on its own
			assertDowngrade(this.graph, "c2branch@b", heads("d1", "d2"), down("d2", "c2"), "d1");
		}

		@Test
		void downgradeBranchDependency() {
			// taking c1branch down takes d2 down too: it depends on c1. Alembic checks only the
			// partial order
			List<String> source = heads("d1", "d2");
			Plan plan = this.graph.downgrade(source, "c1branch@b");
			List<String> ids = plan.steps().stream().map((step) -> step.revision().id()).toList();
			assertThat(ids).containsExactlyInAnyOrder("c1", "d1", "d2");
			assertThat(plan.steps()).allMatch((step) -> !step.isUpgrade());
			assertThat(ids.indexOf("d1")).isLessThan(ids.indexOf("c1"));
			assertThat(ids.indexOf("d2")).isLessThan(ids.indexOf("c1"));
			assertHeads(plan, source, "c2");
		}

	}

	/**
	 * Version-table changes of upgrade, downgrade and stamp from Alembic's
	 * {@code test_command.py} (its offline SQL: CREATE/DROP STEP n are the revisions run).
	 */
	@Nested
	class UpgradeDowngradeStampTest {

		static final String A = "aaaa11112222";

		static final String B = "bbbb33334444";

		static final String C = "cccc55556666";

		final RevisionGraph graph = graph(rev(A), rev(B, A), rev(C, B));

		@Test
		void versionFromNoneInsert() {
			Plan plan = assertUpgrade(this.graph, A, heads(), up(A), A);
			assertThat(changes(plan)).containsExactly("insert " + A);
		}

		@Test
		void versionFromMiddleUpdate() {
			// range b:c
			Plan plan = assertUpgrade(this.graph, C, heads(B), up(C), C);
			assertThat(changes(plan)).containsExactly("update " + B + " to " + C);
		}

		@Test
		void versionToNone() {
			// range c:base
			Plan plan = assertDowngrade(this.graph, "base", heads(C), down(C, B, A));
			assertThat(changes(plan)).containsExactly("update " + C + " to " + B, "update " + B + " to " + A,
					"delete " + A);
		}

		@Test
		void versionToMiddle() {
			// range c:a
			Plan plan = assertDowngrade(this.graph, A, heads(C), down(C, B), A);
			assertThat(changes(plan)).containsExactly("update " + C + " to " + B, "update " + B + " to " + A);
		}

		@Test
		void noneToHeadSql() {
			Plan plan = assertUpgrade(this.graph, "head", heads(), up(A, B, C), C);
			assertThat(changes(plan)).containsExactly("insert " + A, "update " + A + " to " + B,
					"update " + B + " to " + C);
		}

		@Test
		void baseToHeadSql() {
			// range base:head
			Plan plan = assertUpgrade(this.graph, "head", heads(), up(A, B, C), C);
			assertThat(changes(plan)).startsWith("insert " + A).endsWith("update " + B + " to " + C);
		}

		@Test
		void sqlStampFromRev() {
			// range a:head
			Plan plan = this.graph.stamp(heads(A), List.of("head"), false);
			assertThat(changes(plan)).containsExactly("update " + A + " to " + C);
			assertHeads(plan, heads(A), C);
		}

		@Test
		void sqlStampFromPartialRev() {
			// range a[0:7]:head; Alembic resolves the offline starting revision before it plans
			String start = this.graph.revision(A.substring(0, 7)).id();
			assertThat(start).isEqualTo(A);
			Plan plan = this.graph.stamp(heads(start), List.of("head"), false);
			assertThat(changes(plan)).containsExactly("update " + A + " to " + C);
			assertHeads(plan, heads(A), C);
		}

		@Test
		void sqlStampRevisionAsKw() {
			Plan plan = this.graph.stamp(heads(), List.of("head"), false);
			assertThat(changes(plan)).containsExactly("insert " + C);
		}

		@Test
		void stampArgparserSingleRev() {
			Plan plan = this.graph.stamp(heads(), List.of(C), false);
			assertThat(changes(plan)).containsExactly("insert " + C);
		}

		@Test
		void stampArgparserMultipleRev() {
			// conflicting heads, as Alembic notes: this only shows that both are taken
			Plan plan = this.graph.stamp(heads(), List.of(B, C), false);
			assertThat(changes(plan)).contains("insert " + B, "insert " + C);
		}

	}

	/** a -> b -> c, b -> d -> e, b -> f */
	@Nested
	class StampMultipleHeadsTest {

		final RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("e", "d"),
				rev("f", "b"));

		@Test
		void sqlStampHeads() {
			Plan plan = this.graph.stamp(heads(), List.of("heads"), false);
			assertVersionWrites(plan, null, "c", "e", "f");
			assertHeads(plan, heads(), "c", "e", "f");
		}

		@Test
		void sqlStampMultiRevNonsensical() {
			// e and f need b, as Alembic notes; a stamp does not check
			Plan plan = this.graph.stamp(heads(), List.of("a", "e", "f"), false);
			assertVersionWrites(plan, null, "a", "e", "f");
		}

		@Test
		void sqlStampMultiRevFromMultiBaseNonsensical() {
			// ranges base:a, base:e, base:f
			Plan plan = this.graph.stamp(heads(), List.of("a", "e", "f"), false);
			assertVersionWrites(plan, null, "a", "e", "f");
		}

		@Test
		void onlineStampMultiRevNonsensical() {
			Plan plan = this.graph.stamp(heads(), List.of("a", "e", "f"), false);
			assertVersionWrites(plan, null, "a", "e", "f");
			assertHeads(plan, heads(), "a", "e", "f");
		}

		@Test
		void onlineStampMultiRevFromRealAncestor() {
			Plan plan = this.graph.stamp(heads("a"), List.of("e", "f"), false);
			assertVersionWrites(plan, "a", "e", "f");
			assertHeads(plan, heads("a"), "e", "f");
		}

		@Test
		void onlineStampVersionAlreadyThere() {
			Plan plan = this.graph.stamp(heads("c", "e"), List.of("c", "e"), false);
			assertVersionWrites(plan, null);
			assertThat(plan.resultingHeads()).containsExactlyInAnyOrder("c", "e");
		}

		@Test
		void sqlStampMultiRevFromMultiStart() {
			// ranges b:c, b:e, b:f
			Plan plan = this.graph.stamp(heads("b"), List.of("c", "e", "f"), false);
			assertVersionWrites(plan, "b", "c", "e", "f");
			assertHeads(plan, heads("b"), "c", "e", "f");
		}

		@Test
		void sqlStampHeadsSymbolic() {
			// range b:heads
			Plan plan = this.graph.stamp(heads("b"), List.of("heads"), false);
			assertVersionWrites(plan, "b", "c", "e", "f");
		}

		@Test
		void stampPurge() {
			// the version table holds a revision the graph does not know
			Plan plan = this.graph.stamp(heads("fake"), List.of("a", "e", "f"), true);
			assertVersionWrites(plan, null, "a", "e", "f");
			assertThat(plan.resultingHeads()).containsExactlyInAnyOrder("a", "e", "f");
		}

	}

	@Nested
	class StampMultipleRootsTest {

		final RevisionGraph graph = graph(rev("a1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"), rev("b2", "a2"),
				rev("c2", "b2"));

		@Test
		void sqlStampHeads() {
			assertVersionWrites(this.graph.stamp(heads(), List.of("heads"), false), null, "c1", "c2");
		}

		@Test
		void sqlStampSingleHead() {
			assertVersionWrites(this.graph.stamp(heads(), List.of("c1@head"), false), null, "c1");
		}

	}

	@Nested
	class LiveStampTest {

		final RevisionGraph graph = graph(rev("a"), rev("b", "a"));

		@Test
		void stampCreatesTable() {
			assertHeads(this.graph.stamp(heads(), List.of("head"), false), heads(), "b");
		}

		@Test
		void stampExistingUpgrade() {
			assertHeads(this.graph.stamp(heads("a"), List.of("b"), false), heads("a"), "b");
		}

		@Test
		void stampExistingDowngrade() {
			assertHeads(this.graph.stamp(heads("b"), List.of("a"), false), heads("b"), "a");
		}

		@Test
		void stampVersionAlreadyThere() {
			Plan plan = this.graph.stamp(heads("b"), List.of("b"), false);
			assertThat(plan.steps()).isEmpty();
			assertHeads(plan, heads("b"), "b");
		}

	}

	/**
	 * Our plans against Alembic's over random graphs ({@link AlembicPlans}): the same
	 * revisions in the same order, the same heads after each step, the same version-table
	 * changes of stamps, the same refusals.
	 */
	@Nested
	class RandomGraphsAgainstAlembic {

		@TestFactory
		Stream<DynamicTest> plansMatchAlembics() {
			return AlembicPlans.GRAPHS.stream().map((block) -> {
				List<String> lines = block.lines().toList();
				return DynamicTest.dynamicTest(lines.get(0), () -> assertPlans(lines.get(0), lines.subList(1, lines.size())));
			});
		}

		@TestFactory
		Stream<DynamicTest> iterationsMatchAlembics() {
			return AlembicPlans.ITERATIONS.stream().map((block) -> {
				List<String> lines = block.lines().toList();
				return DynamicTest.dynamicTest(lines.get(0),
						() -> assertIterations(lines.get(0), lines.subList(1, lines.size())));
			});
		}

		private void assertIterations(String graphLine, List<String> lines) {
			RevisionGraph graph = graph(graphLine);
			List<String> mismatches = new ArrayList<>();
			for (String line : lines) {
				String[] sides = line.split(" = ");
				String[] request = sides[0].split(" ");
				String flags = request[3];
				Traversal traversal = Traversal.DEFAULT.inclusive(flags.contains("i"))
					.implicitBase(flags.contains("b"))
					.downgrade(flags.contains("d"));
				String actual;
				try {
					List<String> ids = graph.iterate(request[1], request[2], traversal)
						.stream()
						.map(Revision::id)
						.toList();
					actual = ids.isEmpty() ? "-" : String.join(",", ids);
				}
				catch (RevisionException ex) {
					actual = "error " + alembicName(ex);
				}
				catch (RuntimeException ex) {
					actual = ex.toString();
				}
				if (!actual.equals(sides[1])) {
					mismatches.add(line + "   but got   " + actual);
				}
			}
			assertThat(mismatches).as("iterations unlike Alembic's").isEmpty();
		}

		private RevisionGraph graph(String graphLine) {
			List<Revision> revisions = new ArrayList<>();
			for (String spec : graphLine.substring("graph ".length()).split(" ")) {
				String[] idAndDependency = spec.split("\\+");
				String[] idAndDowns = idAndDependency[0].split("<");
				Revision.Builder builder = Revision.builder(idAndDowns[0]);
				if (idAndDowns.length > 1) {
					builder.revises(idAndDowns[1].split(","));
				}
				if (idAndDependency.length > 1) {
					builder.dependsOn(idAndDependency[1].split(","));
				}
				revisions.add(builder.build());
			}
			return RevisionGraph.of(revisions);
		}

		private void assertPlans(String graphLine, List<String> planLines) {
			RevisionGraph graph = graph(graphLine);
			List<String> mismatches = new ArrayList<>();
			for (String line : planLines) {
				String[] sides = line.split(" = ");
				String[] request = sides[0].split(" ");
				List<String> current = request[1].equals("-") ? List.of() : List.of(request[1].split(","));
				String target = request[2];
				String actual;
				try {
					Plan plan = switch (request[0]) {
						case "up" -> graph.upgrade(current, target);
						case "down" -> graph.downgrade(current, target);
						default -> graph.stamp(current, List.of(target), false);
					};
					assertReplays(plan, current);
					actual = describe(plan);
				}
				catch (RevisionException ex) {
					actual = "error " + alembicName(ex);
				}
				catch (RuntimeException | AssertionError ex) {
					actual = ex.toString();
				}
				if (!actual.equals(sides[1])) {
					mismatches.add(line + "   but got   " + actual);
				}
			}
			assertThat(mismatches).as("plans unlike Alembic's").isEmpty();
		}

		/** The plan as {@link AlembicPlans} writes it. */
		private String describe(Plan plan) {
			List<String> steps = new ArrayList<>();
			for (Step step : plan.steps()) {
				steps.add(step.isStamp() ? "{" + String.join(", ", changes(step)) + "}"
						: step.revision().id() + "{" + String.join(",", new TreeSet<>(step.headsAfter())) + "}");
			}
			return (steps.isEmpty() ? "-" : String.join(" ", steps)) + " ; "
					+ (plan.resultingHeads().isEmpty() ? "-" : String.join(",", new TreeSet<>(plan.resultingHeads())));
		}

		private String alembicName(RevisionException ex) {
			if (ex instanceof RangeNotAncestorException) {
				return "RangeNotAncestorError";
			}
			if (ex instanceof MultipleHeadsException) {
				return "MultipleHeads";
			}
			if (ex instanceof ResolutionException) {
				return "ResolutionError";
			}
			return "RevisionError";
		}

	}

	/** Version changes of merge points Alembic's tests do not spell out. */
	@Nested
	class ThreeWayMerge {

		final RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"),
				rev("m", "b1", "b2", "b3"));

		@Test
		void upgradeIntoMergeDeletesAllButOneRowAndUpdatesIt() {
			Plan plan = assertUpgrade(this.graph, "m", heads("b1", "b2", "b3"), up("m"), "m");
			assertThat(changes(plan)).containsExactly("delete b1", "delete b2", "update b3 to m");
			Step step = plan.steps().get(0);
			assertThat(step.fromRevisions()).containsExactly("b1", "b2", "b3");
			assertThat(step.toRevisions()).containsExactly("m");
			assertThat(step.headsAfter()).containsExactly("m");
		}

		@Test
		void upgradeIntoMergeFromPartOfItsBranches() {
			Plan plan = assertUpgrade(this.graph, "m", heads("b1", "b2"), up("b3", "m"), "m");
			assertThat(changes(plan.steps().get(0))).containsExactly("insert b3");
			assertThat(changes(plan.steps().get(1))).containsExactly("delete b1", "delete b2", "update b3 to m");
		}

		@Test
		void upgradeFromBaseThroughMerge() {
			// Alembic's topological sort walks the last branch loaded down first
			Plan plan = assertUpgrade(this.graph, "heads", heads(), up("a", "b3", "b2", "b1", "m"), "m");
			assertThat(changes(plan.steps().get(0))).containsExactly("insert a");
			assertThat(changes(plan.steps().get(4))).hasSize(3).last().isEqualTo("update b3 to m");
		}

		@Test
		void downgradeOutOfMergeInsertsAllButOneRowAndUpdatesIt() {
			Plan plan = assertDowngrade(this.graph, "b3", heads("m"), down("m"), "b1", "b2", "b3");
			List<VersionChange> changes = plan.steps().get(0).versionChanges();
			assertThat(changes).hasSize(3);
			assertThat(changes.subList(0, 2)).extracting(VersionChange::kind).containsOnly(Kind.INSERT);
			assertThat(changes.get(2).kind()).isEqualTo(Kind.UPDATE);
			assertThat(changes.get(2).from()).isEqualTo("m");
			assertThat(changes).extracting(VersionChange::to).containsExactlyInAnyOrder("b1", "b2", "b3");
			Step step = plan.steps().get(0);
			assertThat(step.fromRevisions()).containsExactly("m");
			assertThat(step.toRevisions()).containsExactly("b1", "b2", "b3");
		}

		@Test
		void downgradeMergeWhileAnotherHeadKeepsItsParents() {
			// with x above b2 still a row, b2 stays implied and is not inserted
			RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"),
					rev("m", "b1", "b2", "b3"), rev("x", "b2"));
			Plan plan = assertDowngrade(graph, "b1", heads("m", "x"), down("m"), "b1", "b3", "x");
			assertThat(changes(plan)).hasSize(2).last().asString().startsWith("update m to ");
		}

		@Test
		void downgradeToBaseDeletesTheLastRow() {
			Plan plan = assertDowngrade(this.graph, "base", heads("m"), down("m", "b1", "b2", "b3", "a"));
			assertThat(changes(plan)).last().isEqualTo("delete a");
		}

	}

}

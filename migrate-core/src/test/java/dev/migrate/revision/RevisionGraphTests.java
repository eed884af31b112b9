package dev.migrate.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionGraph}: structure, heads and bases, branch labels, target
 * resolution and iteration. The nested classes port the scenarios of Alembic's
 * {@code tests/test_revision.py} (one nested class per Alembic test class, one test per
 * Alembic test, named after it), then the graph scenarios of {@code test_script_consumption.py}
 * and {@code test_command.py}; the last nested classes cover what Alembic does not.
 */
class RevisionGraphTests {

	/** Alembic's {@code _assert_iteration} defaults: inclusive, no implicit base, upgrade. */
	static final Traversal INCLUSIVE = Traversal.DEFAULT.inclusive(true);

	static RevisionGraph graph(Revision... revisions) {
		return RevisionGraph.of(List.of(revisions));
	}

	static Revision rev(String id, String... downRevisions) {
		return Revision.of(id, downRevisions);
	}

	static Revision.Builder builder(String id, String... downRevisions) {
		return Revision.builder(id).revises(downRevisions);
	}

	static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

	static void assertIteration(RevisionGraph graph, String upper, String lower, Traversal traversal,
			String... expected) {
		List<String> result = ids(graph.iterate(upper, lower, traversal));
		assertPartialOrdering(graph, result);
		assertThat(result).containsExactly(expected);
	}

	static void assertIteration(RevisionGraph graph, List<String> upper, List<String> lower, Traversal traversal,
			String... expected) {
		List<String> result = ids(graph.iterate(upper, lower, traversal));
		assertPartialOrdering(graph, result);
		assertThat(result).containsExactly(expected);
	}

	/**
	 * Alembic's {@code conforms_partial_ordering} check: every revision comes before (is
	 * listed above) its down revisions and normalized dependencies.
	 */
	static void assertPartialOrdering(RevisionGraph graph, List<String> result) {
		for (int i = 0; i < result.size(); i++) {
			for (String down : normalizedDownRevisions(graph, result.get(i))) {
				int j = result.indexOf(down);
				if (j >= 0) {
					assertThat(j).as("%s listed before its down revision %s in %s", result.get(i), down, result)
						.isGreaterThan(i);
				}
			}
		}
	}

	/** Alembic's {@code _normalized_down_revisions}: down revisions plus normalized dependencies. */
	static List<String> normalizedDownRevisions(RevisionGraph graph, String id) {
		Set<String> result = new LinkedHashSet<>(graph.get(id).downRevisions());
		result.addAll(graph.normalizedDependencies(id));
		return List.copyOf(result);
	}

	/** Asserts that the message names each id as a word of its own. */
	static void assertNames(Throwable ex, String... ids) {
		for (String id : ids) {
			assertThat(ex.getMessage()).as("message names '%s'", id)
				.containsPattern("(?<![0-9A-Za-z_])" + Pattern.quote(id) + "(?![0-9A-Za-z_])");
		}
	}

	@Nested
	class APITest {

		@Test
		void invalidDatatype() {
			// Alembic checks that a bytes identifier is refused; Java's String parameter makes
			// that impossible. Its last lines resolve a tuple and a string alike.
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"));
			assertThat(ids(graph.revisions(List.of("a")))).containsExactly("a");
			assertThat(graph.revision("a").id()).isEqualTo("a");
		}

		@Test
		void addRevisionOneHead() {
			// Alembic adds "d" to a built map; our graph is immutable, so build it again.
			assertThat(graph(rev("a"), rev("b", "a"), rev("c", "b")).heads()).containsExactly("c");
			assertThat(graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c")).heads()).containsExactly("d");
		}

		@Test
		void addRevisionTwoHead() {
			assertThat(graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("c2", "b")).heads()).containsExactly("c1",
					"c2");
			assertThat(graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("c2", "b"), rev("d1", "c1")).heads())
				.containsExactly("c2", "d1");
		}

		@Test
		void getRevisionHeadSingle() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"));
			assertThat(graph.revision("head")).isSameAs(graph.get("c"));
		}

		@Test
		void getRevisionBaseSingle() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"));
			assertThat(graph.revision("base")).isNull();
		}

		@Test
		void getRevisionHeadMultiple() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("c2", "b"));
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> graph.revision("head"))
				.satisfies((ex) -> assertThat(ex.heads()).containsExactly("c1", "c2"))
				.satisfies((ex) -> assertNames(ex, "c1", "c2"));
		}

		@Test
		void getRevisionHeadsMultiple() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("c2", "b"));
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> graph.revision("heads"))
				.satisfies((ex) -> assertThat(ex.heads()).containsExactly("c1", "c2"));
		}

		@Test
		void getRevisionsHeadMultiple() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("c2", "b"));
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> graph.revisions("head"))
				.satisfies((ex) -> assertThat(ex.heads()).containsExactly("c1", "c2"));
		}

		@Test
		void getRevisionsHeadsMultiple() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c1", "b"), rev("c2", "b"));
			assertThat(graph.revisions("heads")).containsExactly(graph.get("c1"), graph.get("c2"));
		}

		@Test
		void getRevisionBaseMultiple() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c"), rev("d", "c"));
			assertThat(graph.revision("base")).isNull();
		}

		@Test
		void iterateToleratesDupeTargets() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"));
			// not inclusive, so "a" is not traversed
			assertThat(ids(graph.iterate(List.of("c", "c"), List.of("a"), Traversal.DEFAULT))).containsExactly("c",
					"b");
		}

		@Test
		void reprRevs() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), builder("c").dependsOn("a", "b").build());
			Revision c = graph.get("c");
			assertThat(c.toString()).isEqualTo("Revision(c <- [], dependsOn=[a, b])");
			assertThat(c.downRevisions()).isEmpty();
			assertThat(c.dependsOn()).containsExactly("a", "b");
		}

	}

	@Nested
	class DiamondTest {

		final RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("c", "b1", "b2"),
				rev("d", "c"));

		@Test
		void iterateSimpleDiamond() {
			assertIteration(this.graph, "d", "a", INCLUSIVE, "d", "c", "b1", "b2", "a");
		}

	}

	@Nested
	class EmptyMapTest {

		// Alembic issue #258

		final RevisionGraph graph = RevisionGraph.of(List.of());

		@Test
		void iterate() {
			assertIteration(this.graph, "head", "base", INCLUSIVE);
		}

	}

	@Nested
	class LabeledBranchTest {

		final RevisionGraph graph = graph(builder("a").branchLabels("abranch").build(), rev("b", "a"),
				rev("somelongername", "b"), rev("c", "somelongername"), rev("d"),
				builder("e", "d").branchLabels("ebranch").build(), rev("someothername", "e"),
				rev("f", "someothername"));

		@Test
		void dupeBranchCollection() {
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> graph(rev("a"), rev("b", "a"), builder("c", "b").branchLabels("xy1").build(),
						rev("d"), builder("e", "d").branchLabels("xy1").build(), rev("f", "e")))
				.satisfies((ex) -> assertNames(ex, "xy1", "c", "e"));
		}

		@Test
		void filterForLineageLabeledHeadAcrossMerge() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), builder("c1", "b").branchLabels("c1branch").build(),
					rev("c2", "b"), rev("d", "c1", "c2"));
			assertThat(graph.filterForLineage(List.of("c1", "c2", "d"), "c1branch@head", false))
				.containsExactly("c1", "c2", "d");
		}

		@Test
		void filterForLineageHeads() {
			assertThat(this.graph.filterForLineage(List.of("f"), "heads", false)).containsExactly("f");
		}

		@Test
		void getBaseRevisionsLabeled() {
			// Alembic's private _get_base_revisions(x) is filter_for_lineage(bases, x)
			assertThat(this.graph.filterForLineage(this.graph.bases(), "somelongername@base", false))
				.containsExactly("a");
		}

		@Test
		void getCurrentNamedRev() {
			assertThat(this.graph.revision("ebranch@head")).isSameAs(this.graph.revision("f"));
		}

		@Test
		void getBaseRevisions() {
			assertThat(this.graph.filterForLineage(this.graph.bases(), "base", false)).containsExactly("a", "d");
		}

		@Test
		void iterateHeadToNamedBase() {
			assertIteration(this.graph, "heads", "ebranch@base", INCLUSIVE, "f", "someothername", "e", "d");
			assertIteration(this.graph, "heads", "abranch@base", INCLUSIVE, "c", "somelongername", "b", "a");
		}

		@Test
		void iterateNamedHeadToBase() {
			assertIteration(this.graph, "ebranch@head", "base", INCLUSIVE, "f", "someothername", "e", "d");
			assertIteration(this.graph, "abranch@head", "base", INCLUSIVE, "c", "somelongername", "b", "a");
		}

		@Test
		void iterateNamedHeadToHeads() {
			assertIteration(this.graph, "heads", "ebranch@head", INCLUSIVE, "f");
		}

		@Test
		void iterateNamedRevToHeads() {
			assertIteration(this.graph, "heads", "ebranch@d", INCLUSIVE, "f", "someothername", "e", "d");
		}

		@Test
		void iterateHeadToVersionSpecificBase() {
			assertIteration(this.graph, "heads", "e@base", INCLUSIVE, "f", "someothername", "e", "d");
			assertIteration(this.graph, "heads", "c@base", INCLUSIVE, "c", "somelongername", "b", "a");
		}

		@Test
		void iterateToBranchAtRev() {
			assertIteration(this.graph, "heads", "ebranch@d", INCLUSIVE, "f", "someothername", "e", "d");
		}

		@Test
		void branchWDownRelative() {
			assertIteration(this.graph, "heads", "ebranch@-2", INCLUSIVE, "f", "someothername", "e");
		}

		@Test
		void branchWUpRelative() {
			assertIteration(this.graph, "ebranch@+2", "base", INCLUSIVE, "e", "d");
		}

		@Test
		void partialIdResolve() {
			assertThat(this.graph.revision("ebranch@some").id()).isEqualTo("someothername");
			assertThat(this.graph.revision("abranch@some").id()).isEqualTo("somelongername");
		}

		@Test
		void partialIdResolveTooShort() {
			assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> this.graph.revision("ebranch@sos"))
				.satisfies((ex) -> assertNames(ex, "sos"))
				.withMessageContaining("four");
		}

		@Test
		void branchAtHeads() {
			assertThat(this.graph.revision("abranch@heads").id()).isEqualTo("c");
		}

		@Test
		void branchAtSyntax() {
			assertThat(this.graph.revision("abranch@head").id()).isEqualTo("c");
			assertThat(this.graph.revision("abranch@base")).isNull();
			assertThat(this.graph.revision("ebranch@head").id()).isEqualTo("f");
			assertThat(this.graph.revision("abranch@base")).isNull();
			assertThat(this.graph.revision("ebranch@d").id()).isEqualTo("d");
		}

		@Test
		void branchAtSelf() {
			assertThat(this.graph.revision("ebranch@ebranch").id()).isEqualTo("e");
		}

		@Test
		void retrieveBranchRevision() {
			assertThat(this.graph.revision("abranch").id()).isEqualTo("a");
			assertThat(this.graph.revision("ebranch").id()).isEqualTo("e");
		}

		@Test
		void revNotInBranch() {
			assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> this.graph.revision("ebranch@b"))
				.satisfies((ex) -> assertNames(ex, "b", "ebranch"));
			assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> this.graph.revision("abranch@d"))
				.satisfies((ex) -> assertNames(ex, "d", "abranch"));
		}

		@Test
		void actuallyShortRevName() {
			assertThat(this.graph.revision("e").id()).isEqualTo("e");
		}

		@Test
		void noRevisionExists() {
			assertThatExceptionOfType(ResolutionException.class)
				.isThrownBy(() -> this.graph.revision("abranch@qprstuv"))
				.satisfies((ex) -> assertNames(ex, "qprstuv"))
				.withMessageNotContaining("four");
			assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> this.graph.revision("abranch@qpr"))
				.satisfies((ex) -> assertNames(ex, "qpr"))
				.withMessageContaining("four");
		}

		@Test
		void notActuallyABranch() {
			assertThat(this.graph.revision("e@d").id()).isEqualTo("d");
		}

		@Test
		void notActuallyABranchPartialResolution() {
			assertThat(this.graph.revision("someoth@d").id()).isEqualTo("d");
		}

		@Test
		void noSuchBranch() {
			assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> this.graph.revision("x@d"))
				.satisfies((ex) -> assertNames(ex, "x"));
		}

	}

	@Nested
	class LongShortBranchTest {

		final RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("c1", "b1"), rev("d11", "c1"),
				rev("d12", "c1"));

		@Test
		void iterateFull() {
			assertIteration(this.graph, "heads", "base", INCLUSIVE, "b2", "d11", "d12", "c1", "b1", "a");
		}

	}

	@Nested
	class MultipleBranchTest {

		final RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("cb1", "b1"), rev("cb2", "b2"),
				rev("d1cb1", "cb1"), // head
				rev("d2cb1", "cb1"), // head
				rev("d1cb2", "cb2"), rev("d2cb2", "cb2"), rev("d3cb2", "cb2"), // head
				rev("d1d2cb2", "d1cb2", "d2cb2")); // head + merge point

		@Test
		void iterateFromMergePoint() {
			assertIteration(this.graph, "d1d2cb2", "a", INCLUSIVE, "d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a");
		}

		@Test
		void iterateMultipleHeads() {
			assertIteration(this.graph, List.of("d2cb2", "d3cb2"), List.of("a"), INCLUSIVE, "d2cb2", "d3cb2", "cb2",
					"b2", "a");
		}

		@Test
		void iterateSingleBranch() {
			assertIteration(this.graph, "d3cb2", "a", INCLUSIVE, "d3cb2", "cb2", "b2", "a");
		}

		@Test
		void iterateSingleBranchToBase() {
			assertIteration(this.graph, "d3cb2", "base", INCLUSIVE, "d3cb2", "cb2", "b2", "a");
		}

		@Test
		void iterateMultipleBranchToBase() {
			assertIteration(this.graph, List.of("d3cb2", "cb1"), List.of("base"), INCLUSIVE, "cb1", "b1", "d3cb2",
					"cb2", "b2", "a");
		}

		@Test
		void iterateMultipleHeadsSingleBase() {
			// head d1cb1 is omitted as it is not a descendant of b2
			assertIteration(this.graph, List.of("d1cb1", "d2cb2", "d3cb2"), List.of("b2"), INCLUSIVE, "d2cb2", "d3cb2",
					"cb2", "b2");
		}

		@Test
		void sameBranchWrongDirection() {
			// d1cb1 and b1 are connected, but d1cb1 is the descendant of b1
			assertThatExceptionOfType(RangeNotAncestorException.class)
				.isThrownBy(() -> this.graph.iterate("b1", "d1cb1", Traversal.DEFAULT))
				.satisfies((ex) -> assertNames(ex, "d1cb1", "b1"));
		}

		@Test
		void distinctBranches() {
			// d2cb2 and b1 have no path to each other
			assertThatExceptionOfType(RangeNotAncestorException.class)
				.isThrownBy(() -> this.graph.iterate("d2cb2", "b1", Traversal.DEFAULT))
				.satisfies((ex) -> assertNames(ex, "b1", "d2cb2"));
		}

		@Test
		void wrongDirectionToBaseAsNone() {
			// raises rather than returning nothing (Alembic #258)
			assertThatExceptionOfType(RangeNotAncestorException.class)
				.isThrownBy(() -> this.graph.iterate(null, "d1cb1", Traversal.DEFAULT))
				.satisfies((ex) -> assertNames(ex, "d1cb1", "base"));
		}

		@Test
		void wrongDirectionToBaseAsEmpty() {
			assertThatExceptionOfType(RangeNotAncestorException.class)
				.isThrownBy(() -> this.graph.iterate(List.of(), List.of("d1cb1"), Traversal.DEFAULT))
				.satisfies((ex) -> assertNames(ex, "d1cb1", "base"));
		}

	}

	@Nested
	class MultipleBranchEffectiveHead {

		final RevisionGraph graph = graph(builder("y1").branchLabels("y").build(),
				builder("x1").branchLabels("x").build(), builder("y2", "y1").dependsOn("x1").build(), rev("x2", "x1"));

		@Test
		void otherDowngrade() {
			assertIteration(this.graph, List.of("x2", "y2"), List.of("x@-1"), Traversal.DEFAULT.downgrade(true), "x2");
		}

		@Test
		void useAllCurrent() {
			assertIteration(this.graph, List.of("x1", "y2"), List.of("x@-1"), Traversal.DEFAULT.downgrade(true), "y2",
					"x1");
		}

		@Test
		void effectiveHead() {
			assertIteration(this.graph, "y2", "x@-1", Traversal.DEFAULT.downgrade(true), "y2", "x1");
		}

	}

	/**
	 * The order of revisions along several branches: depth first along a branch, but every
	 * branch ends at its branch point before the revisions below it.
	 */
	@Nested
	class BranchTravellingTest {

		final RevisionGraph graph = graph(rev("a1"), rev("a2", "a1"), rev("a3", "a2"), rev("b1", "a3"),
				rev("b2", "a3"), rev("cb1", "b1"), rev("cb2", "b2"), rev("db1", "cb1"), rev("db2", "cb2"),
				rev("e1b1", "db1"), rev("fe1b1", "e1b1"), rev("e2b1", "db1"), rev("e2b2", "db2"),
				rev("merge", "e2b1", "e2b2"));

		@Test
		void iterateOneBranchBothToMerge() {
			// at a merge point, implicit base fills in every branch that supplies it
			assertIteration(this.graph, "merge", "db1", INCLUSIVE.implicitBase(true), "merge", "e2b1", "db1", "e2b2",
					"db2", "cb2", "b2");
		}

		@Test
		void threeBranchesEndInSingleBranch() {
			assertIteration(this.graph, List.of("merge", "fe1b1"), List.of("a3"), INCLUSIVE, "fe1b1", "e1b1", "merge",
					"e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3");
		}

		@Test
		void twoBranchesToRoot() {
			// a3 is a stop point, db1 is not: nothing else traverses db1
			assertIteration(this.graph, "merge", "a1", INCLUSIVE, "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2",
					"cb2", "b2", "a3", "a2", "a1");
		}

		@Test
		void twoBranchesEndInBranch() {
			// b1 is local to the e2b1 branch, so that is all we get
			assertIteration(this.graph, "merge", "b1", INCLUSIVE, "merge", "e2b1", "db1", "cb1", "b1");
		}

		@Test
		void twoBranchesEndBehindBranch() {
			assertIteration(this.graph, "merge", "a2", INCLUSIVE, "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2",
					"cb2", "b2", "a3", "a2");
		}

		@Test
		void threeBranchesToRoot() {
			// both a3 and db1 are stop points
			assertIteration(this.graph, List.of("merge", "fe1b1"), List.of("a1"), INCLUSIVE, "fe1b1", "e1b1", "merge",
					"e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1");
		}

		@Test
		void threeBranchesEndMultipleBases() {
			assertIteration(this.graph, List.of("merge", "fe1b1"), List.of("cb1", "cb2"), INCLUSIVE, "fe1b1", "e1b1",
					"merge", "e2b1", "db1", "cb1", "e2b2", "db2", "cb2");
		}

		@Test
		void threeBranchesEndMultipleBasesExclusive() {
			assertIteration(this.graph, List.of("merge", "fe1b1"), List.of("cb1", "cb2"), Traversal.DEFAULT, "fe1b1",
					"e1b1", "merge", "e2b1", "db1", "e2b2", "db2");
		}

		@Test
		void detectInvalidHeadSelection() {
			// db1 is an ancestor of fe1b1
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> this.graph.iterate(List.of("db1", "b2", "fe1b1"), List.of(), Traversal.DEFAULT))
				.satisfies((ex) -> assertNames(ex, "fe1b1", "db1"));
		}

		@Test
		void threeBranchesEndMultipleBasesExclusiveBlank() {
			assertIteration(this.graph, List.of("e2b1", "b2", "fe1b1"), List.of(), Traversal.DEFAULT, "b2", "fe1b1",
					"e1b1", "e2b1", "db1", "cb1", "b1", "a3", "a2", "a1");
		}

		@Test
		void iterateToSymbolicBase() {
			assertIteration(this.graph, List.of("fe1b1"), List.of("base"), Traversal.DEFAULT, "fe1b1", "e1b1", "db1",
					"cb1", "b1", "a3", "a2", "a1");
		}

		@Test
		void ancestorNodes() {
			// Alembic's private _get_ancestor_nodes([merge]): every revision an upgrade from base
			// to merge needs
			assertThat(ids(this.graph.iterate("merge", null, INCLUSIVE))).containsExactlyInAnyOrder("a1", "e2b2",
					"e2b1", "cb2", "merge", "a3", "a2", "b1", "b2", "db1", "db2", "cb1");
		}

	}

	@Nested
	class MultipleBaseTest {

		final RevisionGraph graph = graph(rev("base1"), rev("base2"), rev("base3"), rev("a1a", "base1"),
				rev("a1b", "base1"), rev("a2", "base2"), rev("a3", "base3"), rev("b1a", "a1a"), rev("b1b", "a1b"),
				rev("b2", "a2"), rev("b3", "a3"), rev("c2", "b2"), rev("d2", "c2"), rev("mergeb3d2", "b3", "d2"));

		@Test
		void headsToBase() {
			assertIteration(this.graph, "heads", "base", INCLUSIVE, "b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2",
					"b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2");
		}

		@Test
		void headsToBaseExclusive() {
			assertIteration(this.graph, "heads", "base", Traversal.DEFAULT, "b1a", "a1a", "b1b", "a1b", "base1",
					"mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2");
		}

		@Test
		void headsToBlank() {
			assertIteration(this.graph, "heads", null, INCLUSIVE, "b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2",
					"b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2");
		}

		@Test
		void detectInvalidBaseSelection() {
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> this.graph.iterate(List.of("c2"), List.of("a2", "b2"), Traversal.DEFAULT))
				.satisfies((ex) -> assertNames(ex, "a2", "b2"));
		}

		@Test
		void headsToRevsPlusImplicitBaseExclusive() {
			assertIteration(this.graph, List.of("heads"), List.of("c2"), Traversal.DEFAULT.implicitBase(true), "b1a",
					"a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2");
		}

		@Test
		void headsToRevsBaseExclusive() {
			assertIteration(this.graph, List.of("heads"), List.of("c2"), Traversal.DEFAULT, "mergeb3d2", "d2");
		}

		@Test
		void headsToRevsPlusImplicitBaseInclusive() {
			assertIteration(this.graph, List.of("heads"), List.of("c2"), INCLUSIVE.implicitBase(true), "b1a", "a1a",
					"b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2");
		}

		@Test
		void specificPathOne() {
			assertIteration(this.graph, "b3", "base3", INCLUSIVE, "b3", "a3", "base3");
		}

		@Test
		void specificPathTwoImplicitBase() {
			assertIteration(this.graph, List.of("b3", "b2"), List.of("base3"), Traversal.DEFAULT.implicitBase(true),
					"b2", "a2", "base2", "b3", "a3");
		}

	}

	/**
	 * <pre>
	 * base1 -----> a1a  -> b1a
	 *       +----> a1b  -> b1b
	 *                       |
	 *           +-----------+
	 *           |
	 *           v
	 * base3 -> a3 -> b3
	 *           ^
	 *           |
	 *           +-----------+
	 *                       |
	 * base2 -> a2 -> b2 -> c2 -> d2
	 * </pre>
	 */
	@Nested
	class MultipleBaseCrossDependencyTestOne {

		final RevisionGraph graph = graph(builder("base1").branchLabels("b_1").build(), rev("a1a", "base1"),
				rev("a1b", "base1"), rev("b1a", "a1a"), builder("b1b", "a1b").dependsOn("a3").build(),
				builder("base2").branchLabels("b_2").build(), rev("a2", "base2"), rev("b2", "a2"),
				builder("c2", "b2").dependsOn("a3").build(), rev("d2", "c2"),
				builder("base3").branchLabels("b_3").build(), rev("a3", "base3"), rev("b3", "a3"));

		@Test
		void whatAreTheHeads() {
			assertThat(this.graph.heads()).containsExactly("b1a", "b1b", "d2", "b3");
		}

		@Test
		void headsToBase() {
			assertIteration(this.graph, "heads", "base", INCLUSIVE, "b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2",
					"b2", "a2", "base2", "b3", "a3", "base3");
		}

		@Test
		void headsToBaseDowngrade() {
			assertIteration(this.graph, "heads", "base", INCLUSIVE.downgrade(true), "b1a", "a1a", "b1b", "a1b", "base1",
					"d2", "c2", "b2", "a2", "base2", "b3", "a3", "base3");
		}

		@Test
		void sameBranchWrongDirection() {
			assertThatExceptionOfType(RangeNotAncestorException.class)
				.isThrownBy(() -> this.graph.iterate("b2", "d2", Traversal.DEFAULT))
				.satisfies((ex) -> assertNames(ex, "d2", "b2"));
		}

		@Test
		void differentBranchNotWrongDirection() {
			// no direct path: an error rather than an empty list
			assertThatExceptionOfType(RangeNotAncestorException.class)
				.isThrownBy(() -> this.graph.iterate("b3", "d2", Traversal.DEFAULT))
				.satisfies((ex) -> assertNames(ex, "d2", "b3"));
		}

		@Test
		void weNeedHead2Upgrade() {
			// the 2 branch relies on the 3 branch
			assertIteration(this.graph, "b_2@head", "base", INCLUSIVE, "d2", "c2", "b2", "a2", "base2", "a3", "base3");
		}

		@Test
		void weNeedHead2Downgrade() {
			// the 2 branch relies on the 3 branch, but going down the 3 branch stays
			assertIteration(this.graph, "b_2@head", "b_2@base", INCLUSIVE.downgrade(true), "d2", "c2", "b2", "a2",
					"base2");
		}

		@Test
		void weNeedHead3Upgrade() {
			// the 3 branch can be upgraded alone
			assertIteration(this.graph, "b_3@head", "base", INCLUSIVE, "b3", "a3", "base3");
		}

		@Test
		void weNeedHead3Downgrade() {
			assertIteration(this.graph, "b_3@head", "base", INCLUSIVE.downgrade(true), "b3", "a3", "base3");
		}

		@Test
		void weNeedHead1Upgrade() {
			// the 1 branch relies on the 3 branch
			assertIteration(this.graph, "b1b@head", "base", INCLUSIVE, "b1b", "a1b", "base1", "a3", "base3");
		}

		@Test
		void weNeedHead1Downgrade() {
			// going down, a3 and base3 stay as long as the base target is limited
			assertIteration(this.graph, "b1b@head", "b1b@base", INCLUSIVE.downgrade(true), "b1b", "a1b", "base1");
		}

		@Test
		void weNeedBase2Upgrade() {
			// an upgrade from base includes the dependencies, unlike the downgrade below
			assertIteration(this.graph, "heads", "b_2@base", INCLUSIVE, "d2", "c2", "b2", "a2", "base2", "a3",
					"base3");
		}

		@Test
		void weNeedBase2Downgrade() {
			// down to b_2@base: only the 2s
			assertIteration(this.graph, "heads", "b_2@base", INCLUSIVE.downgrade(true), "d2", "c2", "b2", "a2",
					"base2");
		}

		@Test
		void weNeedBase3Upgrade() {
			// branch b_3 has no dependencies, so b1b, d2 and c2 are not needed
			assertIteration(this.graph, "heads", "b_3@base", INCLUSIVE, "b3", "a3", "base3");
		}

		@Test
		void weNeedBase3Downgrade() {
			// down to b_3@base: everything that depends on a3 goes first (b1b, c2 and above)
			assertIteration(this.graph, "heads", "b_3@base", INCLUSIVE.downgrade(true), "b1b", "d2", "c2", "b3", "a3",
					"base3");
		}

	}

	@Nested
	class MultipleBaseCrossDependencyTestTwo {

		final RevisionGraph graph = graph(builder("base1").branchLabels("b_1").build(), rev("a1", "base1"),
				rev("b1", "a1"), rev("c1", "b1"), builder("base2").dependsOn("b_1").branchLabels("b_2").build(),
				rev("a2", "base2"), rev("b2", "a2"), rev("c2", "b2"), rev("d2", "c2"),
				builder("base3").branchLabels("b_3").build(), rev("a3", "base3"), rev("b3", "a3"),
				builder("c3", "b3").dependsOn("b2").build(), rev("d3", "c3"));

		@Test
		void whatAreTheHeads() {
			assertThat(this.graph.heads()).containsExactly("c1", "d2", "d3");
		}

		@Test
		void headsToBase() {
			assertIteration(this.graph, "heads", "base", INCLUSIVE, "c1", "b1", "a1", "d2", "c2", "d3", "c3", "b3",
					"a3", "base3", "b2", "a2", "base2", "base1");
		}

		@Test
		void weNeedHead2() {
			assertIteration(this.graph, "b_2@head", "base", INCLUSIVE, "d2", "c2", "b2", "a2", "base2", "base1");
		}

		@Test
		void weNeedHead3() {
			assertIteration(this.graph, "b_3@head", "base", INCLUSIVE, "d3", "c3", "b3", "a3", "base3", "b2", "a2",
					"base2", "base1");
		}

		@Test
		void weNeedHead1() {
			assertIteration(this.graph, "b_1@head", "base", INCLUSIVE, "c1", "b1", "a1", "base1");
		}

		@Test
		void weNeedBase1() {
			// b_1 has no dependencies
			assertIteration(this.graph, "heads", "b_1@base", INCLUSIVE, "c1", "b1", "a1", "base1");
		}

		@Test
		void weNeedBase2() {
			// base2 depends on base1; nothing depends on b_3, so d3 and c3 are left out
			assertIteration(this.graph, "heads", "b_2@base", INCLUSIVE, "d2", "c2", "b2", "a2", "base2", "base1");
		}

		@Test
		void weNeedBase3() {
			// c3 depends on b2, which adds b2, a2, base2; base2 depends on base1
			assertIteration(this.graph, "heads", "b_3@base", INCLUSIVE, "d3", "c3", "b3", "a3", "base3", "b2", "a2",
					"base2", "base1");
		}

	}

	@Nested
	class MultipleBaseCrossDependencyTestThree {

		final RevisionGraph graph = graph(rev("base1"), rev("a1", "base1"), rev("b1", "a1"),
				builder("c2").dependsOn("a1").build(), rev("c3", "c2"));

		@Test
		void traverseNoParentButADep() {
			assertIteration(this.graph, "heads", "base", INCLUSIVE, "b1", "c3", "c2", "a1", "base1");
		}

	}

	@Nested
	class LargeMapTest {

		final RevisionGraph graph = RevisionGraph.of(LargeRevisionGraph.revisions());

		@Test
		void all() {
			List<Revision> revs = this.graph.iterate("heads", "base", Traversal.DEFAULT);
			assertThat(new HashSet<>(revs)).isEqualTo(new HashSet<>(this.graph.revisions()));
			for (int i = 0; i < revs.size(); i++) {
				String id = revs.get(i).id();
				Set<String> ancestors = related(id, true);
				Set<String> descendants = related(id, false);
				Set<String> both = new HashSet<>(ancestors);
				both.retainAll(descendants);
				assertThat(both).as("both ancestors and descendants of %s", id).isEmpty();
				Set<String> remaining = new HashSet<>(ids(revs.subList(i + 1, revs.size())));
				if (!remaining.isEmpty()) {
					assertThat(ancestors).as("ancestors of %s among the revisions after it", id)
						.containsAnyElementsOf(remaining);
				}
			}
		}

		private Set<String> related(String id, boolean down) {
			Set<String> seen = new HashSet<>();
			Deque<String> todo = new ArrayDeque<>(List.of(id));
			while (!todo.isEmpty()) {
				String next = todo.pop();
				if (seen.add(next)) {
					todo.addAll(down ? normalizedDownRevisions(this.graph, next) : this.graph.nextRevisions(next));
				}
			}
			seen.remove(id);
			return seen;
		}

	}

	@Nested
	class GraphWithLoopTest {

		// Our self-loops are found when the revision is built, before any graph.

		@Test
		void revisionMapSolitaryLoop() {
			assertSelfLoop(() -> graph(rev("a", "a")), "a");
		}

		@Test
		void revisionDupeHead() {
			RevisionGraph graph = graph(rev("user_foo"), builder("user", "user_foo").dependsOn("user_foo").build());
			assertIteration(graph, "heads", null, INCLUSIVE, "user", "user_foo");
		}

		@Test
		void revisionMapNoLoopWOverlappingSubstrings() {
			RevisionGraph graph = graph(rev("user_foo"), rev("user", "user_foo"));
			assertIteration(graph, "heads", null, INCLUSIVE, "user", "user_foo");
		}

		@Test
		void revisionMapNoLoopWOverlappingSubstringsDependencies() {
			RevisionGraph graph = graph(rev("user_foo"), builder("user").dependsOn("user_foo").build());
			assertIteration(graph, "heads", null, INCLUSIVE, "user", "user_foo");
		}

		@Test
		void revisionMapBaseLoop() {
			assertSelfLoop(() -> graph(rev("a", "a"), rev("b", "a"), rev("c", "b")), "a");
		}

		@Test
		void revisionMapHeadLoop() {
			assertSelfLoop(() -> graph(rev("a"), rev("b", "a"), rev("c", "b", "c")), "c");
		}

		@Test
		void revisionMapBranchPointLoop() {
			assertSelfLoop(() -> graph(rev("a"), rev("b", "a", "b"), rev("c1", "b"), rev("c2", "b")), "b");
		}

		@Test
		void revisionMapMergePointLoop() {
			assertSelfLoop(() -> graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("c", "b1", "b2", "c")), "c");
		}

		@Test
		void revisionMapSolitaryDependencyLoop() {
			assertDependencySelfLoop(() -> graph(builder("a").dependsOn("a").build()), "a");
		}

		@Test
		void revisionMapBaseDependencyLoop() {
			assertDependencySelfLoop(() -> graph(builder("a").dependsOn("a").build(), rev("b", "a"), rev("c", "b")),
					"a");
		}

		@Test
		void revisionMapHeadDepLoop() {
			assertDependencySelfLoop(() -> graph(rev("a"), rev("b", "a"), builder("c", "b").dependsOn("c").build()),
					"c");
		}

		@Test
		void revisionMapBranchPointDepLoop() {
			assertDependencySelfLoop(() -> graph(rev("a"), builder("b", "a").dependsOn("b").build(), rev("c1", "b"),
					rev("c2", "b")), "b");
		}

		@Test
		void revisionMapMergePointDepLoop() {
			assertDependencySelfLoop(() -> graph(rev("a"), rev("b1", "a"), rev("b2", "a"),
					builder("c", "b1", "b2").dependsOn("c").build()), "c");
		}

		private void assertSelfLoop(Runnable build, String id) {
			assertThatExceptionOfType(CycleException.class).isThrownBy(build::run)
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo("Self-loop"))
				.satisfies((ex) -> assertThat(ex.revisions()).containsExactly(id))
				.withMessageStartingWith("Self-loop is detected in revisions (" + id + ")");
		}

		private void assertDependencySelfLoop(Runnable build, String id) {
			assertThatExceptionOfType(CycleException.class).isThrownBy(build::run)
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo("Dependency self-loop"))
				.satisfies((ex) -> assertThat(ex.revisions()).containsExactly(id))
				.withMessageStartingWith("Dependency self-loop is detected in revisions (" + id + ")");
		}

	}

	@Nested
	class GraphWithCycleTest {

		@Test
		void revisionMapSimpleCycle() {
			assertCycle("Cycle", List.of(rev("a", "c"), rev("b", "a"), rev("c", "b")), "a", "b", "c");
		}

		@Test
		void revisionMapExtraSimpleCycle() {
			assertCycle("Cycle", List.of(rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("d"), rev("e", "d")), "a",
					"b", "c");
		}

		@Test
		void revisionMapLowerSimpleCycle() {
			assertCycle("Cycle", List.of(rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("e", "d")),
					"a", "b", "c", "d", "e");
		}

		@Test
		void revisionMapUpperSimpleCycle() {
			assertCycle("Cycle", List.of(rev("a"), rev("b", "a"), rev("c", "b", "e"), rev("d", "c"), rev("e", "d")),
					"a", "b", "c", "d", "e");
		}

		@Test
		void revisionMapSimpleDepCycle() {
			assertCycle("Dependency cycle", List.of(builder("a").dependsOn("c").build(), rev("b", "a"), rev("c", "b")),
					"a", "b", "c");
		}

		@Test
		void revisionMapExtraSimpleDepCycle() {
			assertCycle("Dependency cycle", List.of(builder("a").dependsOn("c").build(), rev("b", "a"), rev("c", "b"),
					rev("d"), rev("e", "d")), "a", "b", "c");
		}

		@Test
		void revisionMapLowerSimpleDepCycle() {
			assertCycle("Dependency cycle", List.of(builder("a").dependsOn("c").build(), rev("b", "a"), rev("c", "b"),
					rev("d", "c"), rev("e", "d")), "a", "b", "c", "d", "e");
		}

		@Test
		void revisionMapUpperSimpleDepCycle() {
			assertCycle("Dependency cycle", List.of(rev("a"), rev("b", "a"), builder("c", "b").dependsOn("e").build(),
					rev("d", "c"), rev("e", "d")), "a", "b", "c", "d", "e");
		}

		@Test
		void refusesACycleThatEveryHeadAndBaseWalkReaches() {
			// b and c revise each other; Alembic's walks reach both from the head d and the base
			// a, so it accepts the graph, and no plan on it can be made.
			assertThatExceptionOfType(CycleException.class)
				.isThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "a", "c"), rev("c", "b"), rev("d", "c"))))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo("Cycle"))
				.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c", "d"))
				.withMessageStartingWith("Cycle is detected in revisions (b, c, d)");
		}

		@Test
		void refusesADependencyCycleThatEveryHeadAndBaseWalkReachesAsADependencyCycle() {
			// b depends on c, which revises b: no cycle through down revisions alone
			assertThatExceptionOfType(CycleException.class)
				.isThrownBy(() -> RevisionGraph.of(List.of(rev("a"), Revision.builder("b").revises("a").dependsOn("c").build(),
						rev("c", "b"), rev("d", "c"))))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo("Dependency cycle"))
				.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c", "d"))
				.withMessageStartingWith("Dependency cycle is detected in revisions (b, c, d)");
		}

		/**
		 * Alembic's assertion: the message names some revisions, each one of the given ids.
		 */
		private void assertCycle(String kind, List<Revision> revisions, String... allowed) {
			assertThatExceptionOfType(CycleException.class).isThrownBy(() -> RevisionGraph.of(revisions))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(kind))
				.satisfies((ex) -> assertThat(ex.revisions()).isNotEmpty().isSubsetOf(allowed))
				.withMessageStartingWith(kind + " is detected in revisions (");
		}

	}

	@Nested
	class NormalizedDownRevTest {

		final RevisionGraph graph = graph(rev("a1"), rev("a2", "a1"), rev("a3", "a2"), rev("b1"),
				builder("b2", "b1").dependsOn("a3").build(), rev("b3", "b2"),
				builder("b4", "b3").dependsOn("a3").build(), builder("b5", "b4").dependsOn("b4").build());

		@Test
		void normalizedDownRevisions() {
			Revision b4 = this.graph.revision("b4");
			assertThat(b4.downRevisions()).containsExactly("b3");
			assertThat(b4.dependsOn()).containsExactly("a3");
			// a3 is not included because ancestor b2 also depends on it
			assertThat(this.graph.normalizedDependencies("b4")).isEmpty();
			assertThat(RevisionGraphTests.normalizedDownRevisions(this.graph, "b4")).containsExactly("b3");
		}

		@Test
		void dupeDependency() {
			Revision b5 = this.graph.revision("b5");
			assertThat(b5.downRevisions()).containsExactly("b4");
			assertThat(RevisionGraphTests.normalizedDownRevisions(this.graph, "b5")).containsExactly("b4");
		}

		@Test
		void branchTraversal() {
			assertIteration(this.graph, "b4", "b1@base", INCLUSIVE.downgrade(true), "b4", "b3", "b2", "b1");
		}

		@Test
		void allTraversal() {
			assertIteration(this.graph, "heads", "base", INCLUSIVE.downgrade(true), "b5", "b4", "b3", "b2", "b1", "a3",
					"a2", "a1");
		}

		@Test
		void partialTraversal() {
			assertIteration(this.graph, "heads", "a2", INCLUSIVE.downgrade(true), "b5", "b4", "b3", "b2", "a3", "a2");
		}

		@Test
		void partialTraversalImplicitBaseOne() {
			assertIteration(this.graph, "heads", "a2", INCLUSIVE.downgrade(true).implicitBase(true), "b5", "b4", "b3",
					"b2", "b1", "a3", "a2");
		}

		@Test
		void partialTraversalImplicitBaseTwo() {
			assertIteration(this.graph, List.of("b5"), List.of("b1"), INCLUSIVE.implicitBase(true), "b5", "b4", "b3",
					"b2", "b1", "a3", "a2", "a1");
		}

		@Test
		void partialTraversalImplicitBaseThree() {
			RevisionGraph graph = graph(rev("c1"), rev("a1"), builder("a2", "a1").dependsOn("c1").build(),
					builder("a3", "a2").dependsOn("c1").build(), rev("b1"), builder("b2", "b1").dependsOn("a3").build(),
					rev("b3", "b2"), builder("b4", "b3").dependsOn("a3").build(), rev("b5", "b4"));
			assertIteration(graph, List.of("b5"), List.of("b1"), INCLUSIVE.implicitBase(true), "b5", "b4", "b3", "b2",
					"b1", "a3", "a2", "a1", "c1");
		}

	}

	/**
	 * {@code ScriptDirectory} methods from Alembic's {@code test_script_consumption.py}; its
	 * fixtures load in the order of random file names, so it compares sets where order could
	 * vary.
	 */
	@Nested
	class ScriptDirectoryMethodsTest {

		/** a -> b -> c */
		final RevisionGraph linear = graph(rev("a"), rev("b", "a"), rev("c", "b"));

		/** a -> b -> c, b -> d -> e, b -> f */
		final RevisionGraph multiHeads = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("e", "d"),
				rev("f", "b"));

		/**
		 * Three independent branches, one with a dependency.
		 *
		 * <pre>
		 * q1                 a1              t1
		 * |                  |               |
		 * q2                 a2              t2
		 * |                  |               |
		 * q3                 a3              t3  &lt;- head
		 * |                  |               ^
		 * q4 (depends on t3) +               |
		 * |                  |
		 * q5                 a4 &lt;- head
		 * ^ head
		 * </pre>
		 */
		final RevisionGraph dependsOn = graph(builder("q1").branchLabels("q").build(), rev("q2", "q1"),
				rev("q3", "q2"), builder("a1").branchLabels("a").build(), rev("a2", "a1"), rev("a3", "a2"),
				builder("t1").branchLabels("t").build(), rev("t2", "t1"), rev("t3", "t2"),
				builder("q4", "q3").dependsOn("t3").build(), rev("q5", "q4"), rev("a4", "a3"));

		@Test
		void getHeads() {
			assertThat(this.linear.heads()).containsExactly("c");
		}

		@Test
		void getCurrentHead() {
			assertThat(this.linear.currentHead(null)).isEqualTo("c");
		}

		@Test
		void getBases() {
			assertThat(this.linear.bases()).containsExactly("a");
		}

		@Test
		void getBase() {
			assertThat(this.linear.bases()).singleElement().isEqualTo("a");
		}

		@Test
		void getRevision() {
			Revision b = this.linear.revision("b");
			assertThat(b.id()).isEqualTo("b");
			assertThat(b.downRevisions()).containsExactly("a");
		}

		@Test
		void getRevisions() {
			assertThat(ids(this.linear.revisions(List.of("a", "c")))).containsExactlyInAnyOrder("a", "c");
		}

		@Test
		void walkRevisions() {
			assertThat(ids(this.linear.walk("base", "heads"))).containsExactly("c", "b", "a");
		}

		@Test
		void walkRevisionsBaseToHead() {
			assertThat(ids(this.linear.walk("a", "c"))).containsExactly("c", "b", "a");
		}

		@Test
		void asRevisionNumberHead() {
			assertThat(this.linear.revision("head").id()).isEqualTo("c");
		}

		@Test
		void asRevisionNumberBase() {
			assertThat(this.linear.revision("base")).isNull();
		}

		@Test
		void getHeadsMultiple() {
			assertThat(this.multiHeads.heads()).containsExactlyInAnyOrder("c", "e", "f");
		}

		@Test
		void getHeadsMultipleConsiderDependsOn() {
			assertThat(this.multiHeads.realHeads()).containsExactlyInAnyOrder("c", "e", "f");
		}

		@Test
		void getCurrentHeadMultipleRaises() {
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> this.multiHeads.currentHead(null))
				.satisfies((ex) -> assertThat(ex.heads()).containsExactlyInAnyOrder("c", "e", "f"));
		}

		@Test
		void getBasesMultipleHeads() {
			assertThat(this.multiHeads.bases()).containsExactly("a");
		}

		@Test
		void walkRevisionsMultipleHeads() {
			assertThat(ids(this.multiHeads.walk("base", "heads"))).containsExactlyInAnyOrder("a", "b", "c", "d", "e",
					"f");
		}

		@Test
		void getHeadsDependsOnDefault() {
			assertThat(this.dependsOn.heads()).containsExactlyInAnyOrder("q5", "a4", "t3");
		}

		@Test
		void getHeadsDependsOnTrue() {
			assertThat(this.dependsOn.realHeads()).containsExactlyInAnyOrder("q5", "a4");
		}

	}

	/**
	 * The revision ranges of {@code alembic history} from Alembic's {@code test_command.py}:
	 * a range {@code base:head} lists {@code walk(base, head)}.
	 */
	@Nested
	class HistoryTest {

		final RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"));

		@Test
		void historyFull() {
			assertThat(ids(this.graph.walk("base", "heads"))).containsExactly("c", "b", "a");
		}

		@Test
		void historyNumRange() {
			assertThat(ids(this.graph.walk("a", "b"))).containsExactly("b", "a");
		}

		@Test
		void historyBaseToNum() {
			assertThat(ids(this.graph.walk("base", "b"))).containsExactly("b", "a");
		}

		@Test
		void historyNumToHead() {
			assertThat(ids(this.graph.walk("a", "heads"))).containsExactly("c", "b", "a");
		}

		@Test
		void historyNumPlusRelative() {
			assertThat(ids(this.graph.walk("a", "+2"))).containsExactly("c", "b", "a");
		}

		@Test
		void historyRelativeToNum() {
			assertThat(ids(this.graph.walk("-2", "c"))).containsExactly("c", "b", "a");
		}

		@Test
		void historyTooLargeRelativeToNum() {
			assertThat(ids(this.graph.walk("-5", "c"))).containsExactly("c", "b", "a");
		}

		@Test
		void historyCurrentToHeadAsB() {
			// "current:" with the database at b
			assertThat(ids(this.graph.walk("b", "heads"))).containsExactly("c", "b");
		}

		@Test
		void historyCurrentToHeadAsBase() {
			// "current:" with an empty version table
			assertThat(ids(this.graph.walk("base", "heads"))).containsExactly("c", "b", "a");
		}

	}

	/** Structure queries Alembic only exercises through other calls. */
	@Nested
	class Structure {

		@Test
		void ambiguousPrefixListsIdsInLoadOrderThenLabels() {
			RevisionGraph graph = graph(rev("abcd2"), builder("abcd1", "abcd2").branchLabels("abcdlabel").build(),
					rev("abce"), rev("abc", "abce"));
			assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> graph.revision("abcd"))
				.withMessage("Multiple revisions start with 'abcd': 'abcd2', 'abcd1', 'abcdlabel'; give more characters of the id");
			assertThat(graph.revision("abce").id()).isEqualTo("abce");
			assertThat(graph.revision("abcdl").id()).isEqualTo("abcd1");
		}

		@Test
		void nextRevisionsAndBranchAndMergePoints() {
			RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("c", "b1", "b2"), rev("d", "c"));
			assertThat(graph.nextRevisions("a")).containsExactlyInAnyOrder("b1", "b2");
			assertThat(graph.nextRevisions("d")).isEmpty();
			assertThat(graph.isBranchPoint("a")).isTrue();
			assertThat(graph.isBranchPoint("b1")).isFalse();
			assertThat(graph.get("c").isMergePoint()).isTrue();
			assertThat(graph.isHead("d")).isTrue();
			assertThat(graph.isHead("c")).isFalse();
			assertThat(graph.bases()).containsExactly("a");
			assertThat(graph.realBases()).containsExactly("a");
			assertThat(graph.get("x")).isNull();
			assertThat(graph.isEmpty()).isFalse();
			assertThat(RevisionGraph.of(List.of()).isEmpty()).isTrue();
		}

		@Test
		void revisionsKeepLoadOrder() {
			RevisionGraph graph = graph(rev("c", "b"), rev("a"), rev("b", "a"));
			assertThat(ids(graph.revisions())).containsExactly("c", "a", "b");
		}

		@Test
		void dependenciesAreNotNextRevisions() {
			RevisionGraph graph = graph(rev("a1"), rev("a2", "a1"), rev("b1"), builder("b2", "b1").dependsOn("a2").build());
			assertThat(graph.nextRevisions("a2")).isEmpty();
			assertThat(graph.isHead("a2")).isTrue();
			assertThat(graph.heads()).containsExactly("a2", "b2");
			assertThat(graph.realHeads()).containsExactly("b2");
		}

		@Test
		void realBasesLeaveOutBasesWithDependencies() {
			RevisionGraph graph = graph(rev("a1"), builder("b1").dependsOn("a1").build(), rev("b2", "b1"));
			assertThat(graph.bases()).containsExactly("a1", "b1");
			assertThat(graph.realBases()).containsExactly("a1");
		}

		@Test
		void dependencyOnBranchLabelResolvesToItsRevision() {
			RevisionGraph graph = graph(builder("a1").branchLabels("lib").build(), rev("a2", "a1"), rev("b1"),
					builder("b2", "b1").dependsOn("lib").build());
			assertThat(graph.normalizedDependencies("b2")).containsExactly("a1");
		}

		@Test
		void branchLabelsSpreadAlongTheirBranch() {
			// Alembic's _add_branches: a label reaches the revisions above it, and the
			// revisions below it down to the nearest branch or merge point
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), builder("c1", "b").branchLabels("c1branch").build(),
					rev("d1", "c1"), builder("c2", "b").branchLabels("c2branch").build(), rev("d2", "c2"));
			assertThat(graph.branchLabels("c1")).containsExactly("c1branch");
			assertThat(graph.branchLabels("d1")).containsExactly("c1branch");
			assertThat(graph.branchLabels("d2")).containsExactly("c2branch");
			assertThat(graph.branchLabels("b")).isEmpty();
			assertThat(graph.branchLabels("a")).isEmpty();
			assertThat(graph.get("d1").branchLabels()).isEmpty();
		}

		@Test
		void branchLabelReachesDownToTheBase() {
			RevisionGraph graph = graph(builder("a").branchLabels("abranch").build(), rev("b", "a"),
					rev("somelongername", "b"), rev("c", "somelongername"), rev("d"),
					builder("e", "d").branchLabels("ebranch").build(), rev("someothername", "e"),
					rev("f", "someothername"));
			assertThat(graph.branchLabels("f")).containsExactly("ebranch");
			assertThat(graph.branchLabels("d")).containsExactly("ebranch");
			assertThat(graph.branchLabels("c")).containsExactly("abranch");
			assertThat(graph.branchLabels("a")).containsExactly("abranch");
		}

	}

	/** Errors Alembic only warns about, or leaves to its callers, each naming what is at fault. */
	@Nested
	class GraphErrors {

		@Test
		void duplicateIdNamesTheRevisionAndBothSources() {
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> graph(rev("a"), builder("b", "a").source("V2__b.sql").build(),
						builder("b", "a").source("class db.revisions.B").build()))
				.satisfies((ex) -> assertNames(ex, "b"))
				.withMessageContaining("V2__b.sql")
				.withMessageContaining("class db.revisions.B");
		}

		@Test
		void unknownDownRevisionNamesItAndTheSource() {
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> graph(rev("a"), builder("b", "zzz").source("b_add_table.sql").build()))
				.satisfies((ex) -> assertNames(ex, "zzz", "b"))
				.withMessageContaining("b_add_table.sql");
		}

		@Test
		void unknownDependencyNamesItAndTheSource() {
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> graph(rev("a"), builder("b", "a").dependsOn("nolabel").source("b_add.sql").build()))
				.satisfies((ex) -> assertNames(ex, "nolabel", "b"))
				.withMessageContaining("b_add.sql");
		}

		@Test
		void duplicateBranchLabelNamesBothRevisions() {
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> graph(builder("a").branchLabels("lib").source("a.sql").build(),
						builder("b").branchLabels("lib").source("b.sql").build()))
				.satisfies((ex) -> assertNames(ex, "lib", "a", "b"));
		}

		@Test
		void branchLabelEqualToAnotherRevisionIdIsAnError() {
			// Alembic maps labels and ids in one namespace: a label may not shadow an id
			assertThatExceptionOfType(RevisionException.class)
				.isThrownBy(() -> graph(rev("a"), builder("b", "a").branchLabels("a").build()))
				.satisfies((ex) -> assertNames(ex, "a"));
		}

		@Test
		void headWithSeveralHeadsNamesThem() {
			RevisionGraph graph = graph(rev("a"), rev("b1", "a"), rev("b2", "a"));
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> graph.revision("head"))
				.satisfies((ex) -> assertThat(ex.heads()).containsExactly("b1", "b2"))
				.satisfies((ex) -> assertThat(ex.argument()).isEqualTo("head"))
				.satisfies((ex) -> assertNames(ex, "b1", "b2"));
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> graph.upgrade(List.of(), "head"))
				.satisfies((ex) -> assertNames(ex, "b1", "b2"));
		}

		@Test
		void ambiguousPrefixListsCandidates() {
			RevisionGraph graph = graph(rev("abcd01"), rev("abcd02", "abcd01"), rev("ffff01", "abcd02"));
			assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> graph.revision("abcd"))
				.satisfies((ex) -> assertThat(ex.argument()).isEqualTo("abcd"))
				.satisfies((ex) -> assertNames(ex, "abcd", "abcd01", "abcd02"));
			assertThat(graph.revision("ffff").id()).isEqualTo("ffff01");
			assertThat(graph.revision("abcd02").id()).isEqualTo("abcd02");
		}

		@Test
		void unknownRevisionIsAResolutionError() {
			RevisionGraph graph = graph(rev("abcd01"));
			assertThatExceptionOfType(ResolutionException.class).isThrownBy(() -> graph.revision("beef"))
				.satisfies((ex) -> assertNames(ex, "beef"));
		}

		@Test
		void relativeTargetsPastTheEndsAreErrors() {
			RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"));
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> graph.upgrade(List.of(), "+4"))
				.satisfies((ex) -> assertNames(ex, "+4"));
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> graph.upgrade(List.of("a"), "b+2"));
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> graph.downgrade(List.of("c"), "-4"))
				.satisfies((ex) -> assertNames(ex, "-4"));
			assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> graph.downgrade(List.of("c"), "a-2"));
			// "a-1" is the step below a: base
			assertThat(graph.downgrade(List.of("c"), "a-1").resultingHeads()).isEmpty();
		}

	}

	/**
	 * A graph of 10,000 revisions loads, plans and walks whole. How fast is measured by the
	 * bench module's GraphBenchmark (docs/benchmarks.md), not here.
	 */
	@Nested
	class LargeGraph {

		final List<Revision> revisions = tenThousandRevisions();

		@Test
		void tenThousandRevisionsLoadAndValidate() {
			assertThat(RevisionGraph.of(this.revisions).heads()).containsExactly("r9999");
		}

		@Test
		void tenThousandRevisionsPlanAnUpgrade() {
			Plan plan = RevisionGraph.of(this.revisions).upgrade(List.of(), "heads");
			assertThat(plan.steps()).hasSize(this.revisions.size());
			assertThat(plan.resultingHeads()).containsExactly("r9999");
		}

		@Test
		void tenThousandRevisionsPlanADowngrade() {
			Plan plan = RevisionGraph.of(this.revisions).downgrade(List.of("r9999"), "base");
			assertThat(plan.steps()).hasSize(this.revisions.size());
			assertThat(plan.resultingHeads()).isEmpty();
		}

		@Test
		void tenThousandRevisionsWalk() {
			assertThat(RevisionGraph.of(this.revisions).walk("base", "heads")).hasSize(this.revisions.size());
		}

		/** A trunk with a side branch every 100 revisions, merged back 10 revisions later. */
		private List<Revision> tenThousandRevisions() {
			List<Revision> revisions = new ArrayList<>();
			revisions.add(rev("r0"));
			for (int i = 1; i < 10_000; i++) {
				if (i % 100 == 50) {
					revisions.add(rev("s" + i, "r" + (i - 1)));
					revisions.add(rev("r" + i, "r" + (i - 1)));
				}
				else if (i % 100 == 60) {
					revisions.add(rev("r" + i, "r" + (i - 1), "s" + (i - 10)));
				}
				else {
					revisions.add(rev("r" + i, "r" + (i - 1)));
				}
			}
			return revisions;
		}

	}

}

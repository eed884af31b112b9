package dev.migrate.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Coverage}: what it covers, and what it would still cover without some
 * heads, are the heads and their ancestors as a walk down from the heads finds them (what
 * the planner asked Alembic's way before), on random graphs and random sets of heads.
 */
class CoverageTests {

	@Test
	void coversTheHeadsAndTheirAncestorsAsHeadsComeAndGo() {
		for (int seed = 0; seed < 200; seed++) {
			Random random = new Random(seed);
			RevisionGraph graph = RevisionGraph.of(InheritanceTests.randomGraph(random, 2 + random.nextInt(80)));
			List<Node> nodes = nodes(graph);
			Coverage coverage = new Coverage(graph.size());
			List<Node> heads = new ArrayList<>();
			for (int change = 0; change < 20; change++) {
				if (!heads.isEmpty() && random.nextInt(3) == 0) {
					coverage.removeHead(heads.remove(random.nextInt(heads.size())));
				}
				else {
					Node head = nodes.get(random.nextInt(nodes.size()));
					if (!heads.contains(head)) {
						heads.add(head);
						coverage.addHead(head);
					}
				}
				Set<Node> expected = ancestors(heads);
				for (Node node : nodes) {
					assertThat(coverage.covers(node)).as("%s covered by %s in graph %d", node, heads, seed)
						.isEqualTo(expected.contains(node));
				}
			}
		}
	}

	@Test
	void knowsWhatTheOtherHeadsCoverWithoutChangingAnything() {
		int checked = 0;
		for (int seed = 0; seed < 300; seed++) {
			Random random = new Random(seed);
			RevisionGraph graph = RevisionGraph.of(InheritanceTests.randomGraph(random, 2 + random.nextInt(80)));
			List<Node> nodes = nodes(graph);
			Set<Node> rows = new LinkedHashSet<>();
			for (int i = 1 + random.nextInt(5); i > 0; i--) {
				rows.add(nodes.get(random.nextInt(nodes.size())));
			}
			Coverage coverage = new Coverage(graph.size());
			rows.forEach(coverage::addHead);
			List<Node> excluded = new ArrayList<>();
			for (Node row : rows) {
				if (excluded.isEmpty() || random.nextInt(3) == 0) {
					excluded.add(row);
				}
			}
			List<Node> candidates = new ArrayList<>();
			for (Node row : excluded) {
				candidates.addAll(row.normalizedDown);
			}
			for (int i = random.nextInt(4); i > 0; i--) {
				candidates.add(nodes.get(random.nextInt(nodes.size())));
			}
			Set<Node> others = new LinkedHashSet<>(rows);
			excluded.forEach(others::remove);
			Set<Node> expected = ancestors(others);
			boolean[] covered = coverage.coveredWithout(excluded, candidates);
			for (int i = 0; i < candidates.size(); i++) {
				assertThat(covered[i]).as("%s below %s in graph %d", candidates.get(i), others, seed)
					.isEqualTo(expected.contains(candidates.get(i)));
				checked++;
			}
			Set<Node> stillCovered = ancestors(rows);
			for (Node node : nodes) {
				assertThat(coverage.covers(node)).isEqualTo(stillCovered.contains(node));
			}
		}
		assertThat(checked).isGreaterThan(1000);
	}

	@Test
	void withOneHeadADownRevisionWithAnotherCoveredChildIsBelowAnotherDownRevision() {
		int checked = 0;
		for (int seed = 0; seed < 200; seed++) {
			Random random = new Random(seed);
			RevisionGraph graph = RevisionGraph.of(InheritanceTests.randomGraph(random, 2 + random.nextInt(80)));
			for (Node revision : nodes(graph)) {
				if (revision.normalizedDown.size() < 2) {
					continue;
				}
				Coverage coverage = new Coverage(graph.size());
				coverage.addHead(revision);
				for (Node down : revision.normalizedDown) {
					boolean belowAnother = false;
					for (Node other : revision.normalizedDown) {
						belowAnother |= other != down && ancestors(List.of(other)).contains(down);
					}
					assertThat(coverage.count(down) > 1).as("%s below another down revision of %s", down, revision)
						.isEqualTo(belowAnother);
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(1000);
	}

	private static List<Node> nodes(RevisionGraph graph) {
		List<Node> nodes = new ArrayList<>();
		graph.revisions().forEach((revision) -> nodes.add(graph.nodeOf(revision.id())));
		return nodes;
	}

	/** The nodes and their ancestors through normalized down revisions. */
	private static Set<Node> ancestors(Collection<Node> heads) {
		Set<Node> ancestors = new HashSet<>();
		Deque<Node> todo = new ArrayDeque<>(heads);
		while (!todo.isEmpty()) {
			Node node = todo.pop();
			if (ancestors.add(node)) {
				todo.addAll(node.normalizedDown);
			}
		}
		return ancestors;
	}

}

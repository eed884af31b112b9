package dev.migrate.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BranchWalk}: the orders of walks and upgrades are those of Alembic's
 * {@code _topological_sort} with an ancestor set per head ({@link AncestorSetSort}, below), on
 * random graphs of many branch points, merge points and dependencies.
 */
class BranchWalkTests {

	@Test
	void walksAndPlansFollowAlembicsSortOnRandomGraphs() {
		for (int seed = 0; seed < 300; seed++) {
			Random random = new Random(seed);
			List<Revision> revisions = InheritanceTests.randomGraph(random,
					2 + random.nextInt((seed % 10 == 0) ? 300 : 60));
			RevisionGraph graph = RevisionGraph.of(revisions);
			AncestorSetSort alembic = new AncestorSetSort(graph, revisions);
			assertThat(RevisionGraphTests.ids(graph.walk("base", "heads"))).as("history of graph %d", seed)
				.isEqualTo(alembic.sort(alembic.ancestors(graph.realHeads()), graph.realHeads()));
			for (int i = 0; i < 5; i++) {
				String target = revisions.get(random.nextInt(revisions.size())).id();
				Set<String> needed = alembic.ancestors(graph.realHeads());
				needed.removeAll(alembic.ancestors(List.of(target)));
				assertThat(RevisionGraphTests.ids(
						graph.iterate(List.of("heads"), List.of(target), Traversal.DEFAULT.implicitBase(true))))
					.as("upgrade of graph %d from %s", seed, target)
					.isEqualTo(alembic.sort(needed, graph.realHeads()));
				assertThat(RevisionGraphTests.ids(graph.iterate(target, null, RevisionGraphTests.INCLUSIVE)))
					.as("iteration of graph %d from %s", seed, target)
					.isEqualTo(alembic.sort(alembic.ancestors(List.of(target)), List.of(target)));
			}
		}
	}

	/** Alembic's topological sort, with the ancestors of every head as a set, over ids. */
	static final class AncestorSetSort {

		private final Map<String, List<String>> down = new HashMap<>();

		private final Map<String, Integer> order = new HashMap<>();

		AncestorSetSort(RevisionGraph graph, List<Revision> revisions) {
			for (Revision revision : revisions) {
				this.order.put(revision.id(), this.order.size());
				this.down.put(revision.id(), RevisionGraphTests.normalizedDownRevisions(graph, revision.id()));
			}
		}

		/** The revisions and all their ancestors. */
		Set<String> ancestors(List<String> ids) {
			Set<String> ancestors = new HashSet<>();
			Deque<String> todo = new ArrayDeque<>(ids);
			while (!todo.isEmpty()) {
				String id = todo.pop();
				if (ancestors.add(id)) {
					todo.addAll(this.down.get(id));
				}
			}
			return ancestors;
		}

		List<String> sort(Set<String> revisions, List<String> heads) {
			Set<String> todo = new HashSet<>(revisions);
			Set<String> starts = new LinkedHashSet<>();
			heads.stream().filter(todo::contains).forEach(starts::add);
			Set<String> below = new HashSet<>();
			revisions.forEach((id) -> below.addAll(this.down.get(id)));
			revisions.stream().filter((id) -> !below.contains(id)).forEach(starts::add);
			List<String> current = new ArrayList<>(starts);
			current.sort(Comparator.comparing(this.order::get));
			List<Set<String>> ancestorsByIndex = new ArrayList<>();
			current.forEach((head) -> ancestorsByIndex.add(ancestors(List.of(head))));
			List<String> output = new ArrayList<>();
			int candidateIndex = 0;
			while (!current.isEmpty()) {
				String candidate = current.get(candidateIndex);
				int blockedBy = -1;
				for (int i = 0; i < ancestorsByIndex.size() && blockedBy < 0; i++) {
					if (i != candidateIndex && ancestorsByIndex.get(i).contains(candidate)) {
						blockedBy = i;
					}
				}
				if (blockedBy >= 0) {
					candidateIndex = blockedBy;
					continue;
				}
				if (todo.remove(candidate)) {
					output.add(candidate);
				}
				List<String> toAdd = new ArrayList<>();
				for (String down : this.down.get(candidate)) {
					if (todo.contains(down) && !current.contains(down)) {
						toAdd.add(down);
					}
				}
				if (toAdd.isEmpty()) {
					current.remove(candidateIndex);
					ancestorsByIndex.remove(candidateIndex);
					candidateIndex = Math.max(candidateIndex - 1, 0);
				}
				else {
					current.set(candidateIndex, toAdd.get(0));
					ancestorsByIndex.set(candidateIndex, ancestors(List.of(toAdd.get(0))));
					for (String added : toAdd.subList(1, toAdd.size())) {
						current.add(added);
						ancestorsByIndex.add(ancestors(List.of(added)));
					}
				}
			}
			assertThat(todo).as("revisions not reached while sorting").isEmpty();
			return output;
		}

	}

}

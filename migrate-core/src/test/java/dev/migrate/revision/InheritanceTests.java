package dev.migrate.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
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
 * Tests for {@link Inheritance}: its one pass from the bases up gives every revision the
 * normalized dependencies and branch labels, in the same order, that Alembic's walks per
 * revision give ({@link Walks}, below), on random graphs.
 */
class InheritanceTests {

	@Test
	void matchesAlembicsWalksOnRandomGraphs() {
		for (int seed = 0; seed < 400; seed++) {
			Random random = new Random(seed);
			assertMatchesWalks(randomGraph(random, 2 + random.nextInt((seed % 10 == 0) ? 400 : 40)), seed);
		}
	}

	@Test
	void matchesAlembicsWalksOnLongLabelledLines() {
		for (int seed = 0; seed < 50; seed++) {
			Random random = new Random(seed);
			List<Revision> revisions = new ArrayList<>();
			String previous = null;
			for (int i = 0; i < 60; i++) {
				Revision.Builder builder = Revision.builder("r" + i);
				if (previous != null) {
					builder.revises(previous);
				}
				if (i > 0 && random.nextInt(4) == 0) {
					builder.dependsOn("r" + random.nextInt(i));
				}
				if (random.nextInt(5) == 0) {
					builder.branchLabels("label" + i);
				}
				revisions.add(builder.build());
				previous = (random.nextInt(6) == 0) ? "r" + random.nextInt(i + 1) : "r" + i;
			}
			assertMatchesWalks(revisions, seed);
		}
	}

	private static void assertMatchesWalks(List<Revision> revisions, int seed) {
		RevisionGraph graph = RevisionGraph.of(revisions);
		Walks walks = new Walks(revisions);
		for (Revision revision : revisions) {
			assertThat(graph.normalizedDependencies(revision.id()))
				.as("normalized dependencies of %s in graph %d", revision.id(), seed)
				.isEqualTo(walks.normalizedDependencies(revision.id()));
			assertThat(graph.branchLabels(revision.id())).as("branch labels of %s in graph %d", revision.id(), seed)
				.containsExactlyElementsOf(walks.labels.get(revision.id()));
		}
	}

	/** Bases, lines, branch and merge points, dependencies on ids and labels, labels, shuffled load order. */
	static List<Revision> randomGraph(Random random, int size) {
		List<String> ids = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		List<Revision> revisions = new ArrayList<>();
		double merges = random.nextDouble() * 0.3;
		double dependencies = random.nextDouble() * 0.3;
		double labelled = random.nextDouble() * 0.3;
		for (int i = 0; i < size; i++) {
			String id = "r" + i;
			Revision.Builder builder = Revision.builder(id);
			if (i > 0 && random.nextInt(12) != 0) {
				Set<String> downs = new LinkedHashSet<>();
				downs.add(ids.get(Math.max(0, i - 1 - random.nextInt(3))));
				while (random.nextDouble() < merges && downs.size() < 3) {
					downs.add(ids.get(random.nextInt(i)));
				}
				builder.revises(List.copyOf(downs));
			}
			if (i > 0 && random.nextDouble() < dependencies) {
				builder.dependsOn((!labels.isEmpty() && random.nextInt(3) == 0) ? labels.get(random.nextInt(labels.size()))
						: ids.get(random.nextInt(i)));
			}
			if (random.nextDouble() < labelled) {
				builder.branchLabels((random.nextInt(5) == 0) ? List.of("l" + i, "m" + i) : List.of("l" + i));
				labels.add("l" + i);
			}
			ids.add(id);
			revisions.add(builder.build());
		}
		if (random.nextBoolean()) {
			Collections.shuffle(revisions, random);
		}
		return revisions;
	}

	/** Alembic's {@code _normalize_depends_on} and {@code _add_branches}, walk by walk, over the declarations. */
	static final class Walks {

		final Map<String, Revision> byId = new HashMap<>();

		final Map<String, List<String>> dependencies = new HashMap<>();

		final Map<String, List<String>> next = new HashMap<>();

		final Map<String, Set<String>> allNext = new HashMap<>();

		final Map<String, Set<String>> labels = new HashMap<>();

		final List<Revision> revisions;

		Walks(List<Revision> revisions) {
			this.revisions = revisions;
			Map<String, String> owners = new HashMap<>();
			for (Revision revision : revisions) {
				this.byId.put(revision.id(), revision);
				revision.branchLabels().forEach((label) -> owners.put(label, revision.id()));
				this.next.put(revision.id(), new ArrayList<>());
				this.allNext.put(revision.id(), new HashSet<>());
				this.labels.put(revision.id(), new LinkedHashSet<>(revision.branchLabels()));
			}
			for (Revision revision : revisions) {
				Set<String> resolved = new LinkedHashSet<>();
				revision.dependsOn().forEach((dependency) -> resolved.add(owners.getOrDefault(dependency, dependency)));
				this.dependencies.put(revision.id(), List.copyOf(resolved));
				for (String down : revision.downRevisions()) {
					this.next.get(down).add(revision.id());
					this.allNext.get(down).add(revision.id());
				}
				resolved.forEach((dependency) -> this.allNext.get(dependency).add(revision.id()));
			}
			for (Revision revision : revisions) {
				if (!revision.branchLabels().isEmpty()) {
					spread(revision.id());
				}
			}
		}

		List<String> normalizedDependencies(String id) {
			Set<String> normalized = new LinkedHashSet<>(this.dependencies.get(id));
			for (String ancestor : walk(id, (node) -> this.byId.get(node).downRevisions())) {
				if (!ancestor.equals(id)) {
					this.dependencies.get(ancestor).forEach(normalized::remove);
				}
			}
			return List.copyOf(normalized);
		}

		private void spread(String id) {
			List<String> spread = List.copyOf(this.labels.get(id));
			List<String> descendants = walk(id, this.next::get);
			descendants.forEach((descendant) -> this.labels.get(descendant).addAll(spread));
			String parent = descendants.get(descendants.size() - 1);
			while (parent != null && this.allNext.get(parent).size() <= 1
					&& this.byId.get(parent).downRevisions().size() <= 1) {
				this.labels.get(parent).addAll(spread);
				List<String> downs = this.byId.get(parent).downRevisions();
				parent = downs.isEmpty() ? null : downs.get(0);
			}
		}

		/** Depth first from the revision, itself included, each revision once, in Alembic's order. */
		private static List<String> walk(String start, java.util.function.Function<String, List<String>> links) {
			List<String> result = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			Deque<String> todo = new ArrayDeque<>();
			todo.addLast(start);
			while (!todo.isEmpty()) {
				String node = todo.removeLast();
				if (seen.add(node)) {
					links.apply(node).forEach(todo::addLast);
					result.add(node);
				}
			}
			return result;
		}

	}

}

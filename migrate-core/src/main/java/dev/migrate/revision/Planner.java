package dev.migrate.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.revision.Step.Direction;

/**
 * Turns the revisions between the current heads and a target into steps, and works out the
 * version-table rows each step inserts, updates or deletes, as Alembic's {@code RevisionStep},
 * {@code StampStep} and {@code HeadMaintainer} do.
 */
final class Planner {

	private final RevisionGraph graph;

	private Set<String> frontierOf;

	private AncestorFrontier frontier;

	/** What the version rows cover, once a step asks; kept up to date step by step from then on. */
	private Coverage coverage;

	/** Whether a row is not a revision id, or levels are unreliable: questions go to the frontier. */
	private boolean uncovered;

	Planner(RevisionGraph graph) {
		this.graph = graph;
	}

	Plan upgrade(List<String> current, String target) {
		List<Node> revisions;
		try {
			revisions = new ArrayList<>(this.graph.iterateNodes(RevisionGraph.listOf(target), current,
					Traversal.DEFAULT.implicitBase(true)));
		}
		catch (RangeNotAncestorException ex) {
			throw new RangeNotAncestorException(ex.lower(), ex.upper(), "Destination " + target
					+ " is not a valid upgrade target from current head(s) " + describe(current));
		}
		java.util.Collections.reverse(revisions);
		return run(current, revisions, Direction.UPGRADE);
	}

	Plan downgrade(List<String> current, String target) {
		List<Node> revisions;
		try {
			revisions = this.graph.iterateNodes(current, RevisionGraph.listOf(target), Traversal.DEFAULT.downgrade(true));
		}
		catch (RangeNotAncestorException ex) {
			throw new RangeNotAncestorException(ex.lower(), ex.upper(), "Destination " + target
					+ " is not a valid downgrade target from current head(s) " + describe(current));
		}
		return run(current, revisions, Direction.DOWNGRADE);
	}

	private Plan run(List<String> current, List<Node> revisions, Direction direction) {
		Rows rows = new Rows(current);
		List<Step> steps = new ArrayList<>(revisions.size());
		for (Node revision : revisions) {
			rows.changes.clear();
			if (direction == Direction.UPGRADE) {
				upgrade(rows, revision);
				steps.add(new Step(direction, revision.revision, Node.ids(revision.down), List.of(revision.id),
						rows.changes, rows.sorted()));
			}
			else {
				downgrade(rows, revision);
				steps.add(new Step(direction, revision.revision, List.of(revision.id), Node.ids(revision.down),
						rows.changes, rows.sorted()));
			}
			cover(rows.changes);
		}
		return new Plan(current, steps, rows.sorted());
	}

	private void upgrade(Rows rows, Node revision) {
		List<String> downs = Node.ids(revision.normalizedDown);
		List<String> present = new ArrayList<>(downs);
		present.retainAll(rows.heads);
		if (downs.isEmpty() || present.isEmpty()) {
			rows.insert(revision.id);
		}
		else if (downs.size() > 1 && present.size() > 1) {
			List<String> from = new ArrayList<>(downs);
			Set<String> others = new HashSet<>(rows.heads);
			others.removeAll(downs);
			if (!others.isEmpty()) {
				from.removeAll(coveredByOthers(rows, from, present));
			}
			for (String merged : from.subList(0, from.size() - 1)) {
				rows.delete(merged);
			}
			rows.update(from.get(from.size() - 1), revision.id);
		}
		else {
			rows.update(singleDown(rows, revision, downs, present), revision.id);
		}
	}

	private void downgrade(Rows rows, Node revision) {
		List<String> downs = Node.ids(revision.normalizedDown);
		boolean isHead = rows.heads.contains(revision.id);
		List<String> unmergeTo = (isHead && !downs.isEmpty()) ? unmergeTo(rows, revision, downs) : List.of();
		if (isHead && (downs.isEmpty() || unmergeTo.isEmpty())) {
			rows.delete(revision.id);
		}
		else if (isHead && downs.size() > 1) {
			for (String restored : unmergeTo.subList(0, unmergeTo.size() - 1)) {
				rows.insert(restored);
			}
			rows.update(revision.id, unmergeTo.get(unmergeTo.size() - 1));
		}
		else {
			List<String> present = new ArrayList<>(downs);
			present.retainAll(rows.heads);
			rows.update(revision.id, singleDown(rows, revision, downs, present));
		}
	}

	private String singleDown(Rows rows, Node revision, List<String> downs, List<String> present) {
		if (downs.size() == 1) {
			return downs.get(0);
		}
		if (present.size() != 1) {
			throw new RevisionException("Can't update the version table for revision " + revision.id
					+ ": its down revision is ambiguous among " + String.join(", ", downs) + " with current heads "
					+ describe(rows.heads));
		}
		return present.get(0);
	}

	/** The down revisions a downgraded head hands its row to: those no other head already covers. */
	private List<String> unmergeTo(Rows rows, Node revision, List<String> downs) {
		List<String> result = new ArrayList<>(downs);
		if (rows.heads.size() > 1) {
			// the revision is a head, so there are others
			result.removeAll(coveredByOthers(rows, result, List.of(revision.id)));
		}
		else if (downs.size() > 1 && coverage(rows) != null) {
			// the revision is the only row: a down revision with a covered child besides the
			// revision is below another down revision
			for (Node down : revision.normalizedDown) {
				if (coverage(rows).count(down) > 1) {
					result.remove(down.id);
				}
			}
		}
		else if (downs.size() > 1) {
			Set<String> covered = new HashSet<>();
			for (Node down : revision.normalizedDown) {
				for (Node other : revision.normalizedDown) {
					if (other != down && new AncestorFrontier(List.of(other)).reaches(down)) {
						covered.add(down.id);
					}
				}
			}
			result.removeAll(covered);
		}
		return result;
	}

	/**
	 * The candidates that are among the other heads or their ancestors, the other heads being
	 * the rows less the excluded ones: those that the rows still cover once the excluded rows
	 * are taken away, in a dry run of the coverage.
	 */
	private Set<String> coveredByOthers(Rows rows, List<String> candidates, List<String> excluded) {
		Coverage coverage = coverage(rows);
		if (coverage == null) {
			Set<String> others = new LinkedHashSet<>(rows.heads);
			excluded.forEach(others::remove);
			return ancestorIds(others, candidates);
		}
		List<Node> nodes = new ArrayList<>(candidates.size());
		candidates.forEach((id) -> nodes.add(this.graph.nodeOf(id)));
		List<Node> heads = new ArrayList<>(excluded.size());
		excluded.forEach((id) -> heads.add(this.graph.nodeOf(id)));
		boolean[] stillCovered = coverage.coveredWithout(heads, nodes);
		Set<String> covered = new HashSet<>();
		for (int i = 0; i < stillCovered.length; i++) {
			if (stillCovered[i]) {
				covered.add(candidates.get(i));
			}
		}
		return covered;
	}

	/** The coverage of the rows, made on the first question; {@code null} where it cannot answer. */
	private Coverage coverage(Rows rows) {
		if (this.coverage == null && !this.uncovered) {
			Coverage coverage = new Coverage(this.graph.size());
			for (String head : rows.heads) {
				Node node = this.graph.nodeOf(head);
				if (node == null) {
					this.uncovered = true;
					break;
				}
				coverage.addHead(node);
			}
			this.coverage = this.uncovered ? null : coverage;
		}
		return this.coverage;
	}

	/** Follows a step's changes to the rows: new rows first, so that nothing leaves the coverage to come back. */
	private void cover(List<VersionChange> changes) {
		if (this.coverage == null) {
			return;
		}
		for (VersionChange change : changes) {
			if (change.kind() != VersionChange.Kind.DELETE && !coverHead(change.to(), true)) {
				return;
			}
		}
		for (VersionChange change : changes) {
			if (change.kind() != VersionChange.Kind.INSERT && !coverHead(change.from(), false)) {
				return;
			}
		}
	}

	private boolean coverHead(String id, boolean added) {
		Node node = this.graph.nodeOf(id);
		if (node == null) {
			this.coverage = null;
			this.uncovered = true;
			return false;
		}
		if (added) {
			this.coverage.addHead(node);
		}
		else {
			this.coverage.removeHead(node);
		}
		return true;
	}

	/**
	 * The candidates that are among the given heads or their ancestors. Consecutive steps down
	 * one branch ask about the same other heads, so their frontier is kept: planning stays
	 * linear on long branches.
	 */
	private Set<String> ancestorIds(Set<String> ids, List<String> candidates) {
		if (!ids.equals(this.frontierOf)) {
			this.frontierOf = Set.copyOf(ids);
			this.frontier = new AncestorFrontier(this.graph.getRevisions(List.copyOf(ids)));
		}
		Set<String> covered = new HashSet<>();
		for (String candidate : candidates) {
			if (this.frontier.reaches(this.graph.getRevision(candidate))) {
				covered.add(candidate);
			}
		}
		return covered;
	}

	Plan stamp(List<String> current, List<String> targets, boolean purge) {
		Rows rows = new Rows(current);
		List<Step> steps = new ArrayList<>();
		if (purge && !current.isEmpty()) {
			for (String head : current) {
				rows.delete(head);
			}
			steps.add(new Step(Direction.DOWNGRADE, null, current, List.of(), rows.changes, List.of()));
		}
		List<Node> heads = this.graph.getRevisions(List.copyOf(rows.heads));
		List<String> destinations = targets.isEmpty() ? List.of("base") : targets;
		Set<Node> filtered = new LinkedHashSet<>();
		for (String destination : destinations) {
			filtered.addAll(this.graph.lineage(heads, destination, true));
		}
		List<Node> resolved = this.graph.getRevisions(destinations);
		if (resolved.isEmpty()) {
			for (Node head : filtered) {
				steps.add(stampStep(rows, List.of(head.id), List.of(), false, true));
			}
		}
		for (Node destination : resolved) {
			if (destination == null || destination == Node.BASE || filtered.contains(destination)) {
				continue;
			}
			List<String> from = Node.ids(filtered);
			if (containsAny(this.graph.descendants(List.of(destination), true, false), filtered)) {
				steps.add(stampStep(rows, from, List.of(destination.id), false, false));
			}
			else if (containsAny(this.graph.ancestors(List.of(destination), true, false), filtered)) {
				steps.add(stampStep(rows, from, List.of(destination.id), true, false));
			}
			else {
				steps.add(stampStep(rows, List.of(), List.of(destination.id), true, true));
			}
		}
		return new Plan(current, steps, rows.sorted());
	}

	private static boolean containsAny(List<Node> nodes, Set<Node> wanted) {
		for (Node node : nodes) {
			if (wanted.contains(node)) {
				return true;
			}
		}
		return false;
	}

	private Step stampStep(Rows rows, List<String> from, List<String> to, boolean upgrade, boolean branchMove) {
		rows.changes.clear();
		Set<String> newTo = new LinkedHashSet<>(to);
		newTo.removeAll(rows.heads);
		Set<String> missingFrom = new LinkedHashSet<>(from);
		missingFrom.removeAll(rows.heads);
		if (!upgrade && branchMove) {
			rows.delete(from.get(0));
		}
		else if (upgrade && (branchMove || !missingFrom.isEmpty()) && !newTo.isEmpty()) {
			rows.insert(to.get(0));
		}
		else if (from.size() > 1) {
			for (String merged : from.subList(0, from.size() - 1)) {
				rows.delete(merged);
			}
			rows.update(from.get(from.size() - 1), to.get(0));
		}
		else {
			rows.update(from.get(0), to.get(0));
		}
		return new Step(upgrade ? Direction.UPGRADE : Direction.DOWNGRADE, null, from, to, rows.changes, rows.sorted());
	}

	private static String describe(Collection<String> heads) {
		return heads.isEmpty() ? "(base)" : String.join(", ", heads);
	}

	/** The version table's head rows while a plan is worked out, and the changes of one step. */
	private final class Rows {

		final Set<String> heads;

		final List<VersionChange> changes = new ArrayList<>();

		/** The heads in load order (unknown ids last, in the order they came), kept as they change. */
		private final List<String> sorted = new ArrayList<>();

		/** The load-order position of each of {@link #sorted}. */
		private int[] positions = new int[8];

		Rows(Collection<String> current) {
			this.heads = new LinkedHashSet<>(current);
			this.heads.forEach(this::track);
		}

		void insert(String revision) {
			if (!this.heads.add(revision)) {
				throw new RevisionException("Cannot insert version " + revision + ": it is already a current head");
			}
			track(revision);
			this.changes.add(VersionChange.insert(revision));
		}

		void delete(String revision) {
			if (!this.heads.remove(revision)) {
				throw new RevisionException("Cannot delete version " + revision + ": it is not a current head ("
						+ describe(this.heads) + ")");
			}
			untrack(revision);
			this.changes.add(VersionChange.delete(revision));
		}

		void update(String from, String to) {
			if (this.heads.contains(to)) {
				throw new RevisionException("Cannot move version " + from + " to " + to + ": " + to
						+ " is already a current head");
			}
			if (!this.heads.remove(from)) {
				throw new RevisionException("Cannot move version " + from + " to " + to + ": " + from
						+ " is not a current head (" + describe(this.heads) + ")");
			}
			this.heads.add(to);
			untrack(from);
			track(to);
			this.changes.add(VersionChange.update(from, to));
		}

		/** The heads in load order. */
		List<String> sorted() {
			return List.copyOf(this.sorted);
		}

		/** Inserts a head after those that come before it or at the same position. */
		private void track(String revision) {
			int position = Planner.this.graph.indexOf(revision);
			int size = this.sorted.size();
			int at = size;
			while (at > 0 && this.positions[at - 1] > position) {
				at--;
			}
			if (size == this.positions.length) {
				this.positions = Arrays.copyOf(this.positions, size * 2);
			}
			System.arraycopy(this.positions, at, this.positions, at + 1, size - at);
			this.positions[at] = position;
			this.sorted.add(at, revision);
		}

		private void untrack(String revision) {
			int at = this.sorted.indexOf(revision);
			System.arraycopy(this.positions, at + 1, this.positions, at, this.sorted.size() - at - 1);
			this.sorted.remove(at);
		}

	}

}

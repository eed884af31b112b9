package dev.migrate.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revisions of a project as a graph, with Alembic's RevisionMap semantics: heads and
 * bases, branch points and merge points, branch labels, dependencies, target resolution and
 * planning. Built once from the loaded revisions; every graph error is found then.
 */
public final class RevisionGraph {


	private final List<Node> nodes;

	private final Map<String, Node> byId;

	private final Map<String, Node> byLabel;

	/** Every id and label, sorted, for prefix searches. */
	private final String[] keys;

	/** The position of each of {@link #keys}: ids in load order, then labels. */
	private final int[] keyPositions;

	private final List<Node> heads;

	private final List<Node> realHeads;

	private final List<Node> bases;

	private final List<Node> realBases;

	/** Visit marks reused by traversals, one array per thread so the graph stays shareable. */
	private final ThreadLocal<Marks> marks;

	/** A numbering reused by sorts, one per thread. */
	private final ThreadLocal<Numbering> numbering;

	private RevisionGraph(Collection<Revision> revisions) {
		this.nodes = new ArrayList<>(revisions.size());
		this.byId = new HashMap<>(revisions.size() * 2);
		this.byLabel = new HashMap<>();
		for (Revision revision : revisions) {
			Node node = new Node(revision, revision.id(), this.nodes.size());
			Node existing = this.byId.putIfAbsent(node.id, node);
			if (existing != null) {
				throw new RevisionException("Revision id '" + node.id + "' is used twice: by "
						+ existing.revision.source() + " and by " + revision.source() + "; give one of them a new id");
			}
			this.nodes.add(node);
		}
		this.marks = new ThreadLocal<>();
		this.numbering = new ThreadLocal<>();
		List<String> labels = mapBranchLabels();
		this.keys = new String[this.nodes.size() + labels.size()];
		this.keyPositions = new int[this.keys.length];
		sortKeys(labels);
		link();
		List<Node> heads = new ArrayList<>();
		List<Node> realHeads = new ArrayList<>();
		List<Node> bases = new ArrayList<>();
		List<Node> realBases = new ArrayList<>();
		for (Node node : this.nodes) {
			if (node.next.isEmpty()) {
				heads.add(node);
			}
			if (node.allNext.isEmpty()) {
				realHeads.add(node);
			}
			if (node.down.isEmpty()) {
				bases.add(node);
				if (node.revision.dependsOn().isEmpty()) {
					realBases.add(node);
				}
			}
		}
		this.heads = List.copyOf(heads);
		this.realHeads = List.copyOf(realHeads);
		this.bases = List.copyOf(bases);
		this.realBases = List.copyOf(realBases);
		List<Node> order = orderOrRefuseCycles();
		Inheritance inheritance = new Inheritance(this.nodes, order);
		inheritance.normalizeDependencies();
		linkNormalized();
		for (Node node : this.nodes) {
			node.next = List.copyOf(node.next);
			node.allNext = List.copyOf(node.allNext);
			node.normalizedUp = List.copyOf(node.normalizedUp);
		}
		computeLevels(order);
		inheritance.spreadBranchLabels();
	}

	/**
	 * Builds the graph from revisions in load order (sorted path order for files); that order
	 * breaks ties where Alembic's does.
	 * @throws RevisionException on a duplicate id or branch label, an unknown down revision
	 * or dependency, or a cycle
	 */
	public static RevisionGraph of(Collection<Revision> revisions) {
		return new RevisionGraph(revisions);
	}

	/** Maps each branch label to its revision; returns the labels in order. */
	private List<String> mapBranchLabels() {
		List<String> labels = new ArrayList<>();
		for (Node node : this.nodes) {
			for (String label : node.revision.branchLabels()) {
				Node owner = this.byId.containsKey(label) ? this.byId.get(label) : this.byLabel.get(label);
				if (owner != null) {
					throw new RevisionException("Branch name '" + label + "' in revision " + node.id + " ("
							+ node.revision.source() + ") already used by revision " + owner.id + " ("
							+ owner.revision.source() + ")");
				}
				this.byLabel.put(label, node);
				labels.add(label);
			}
		}
		return labels;
	}

	/**
	 * Sorts ids and labels for prefix searches, each with its position: ids in load order,
	 * then labels. Ids and labels are distinct (a label may not be an id), so a key's
	 * position is found by name.
	 */
	private void sortKeys(List<String> labels) {
		int ids = this.nodes.size();
		for (int i = 0; i < ids; i++) {
			this.keys[i] = this.nodes.get(i).id;
		}
		for (int i = 0; i < labels.size(); i++) {
			this.keys[ids + i] = labels.get(i);
		}
		Arrays.sort(this.keys);
		Map<String, Integer> labelPositions = new HashMap<>();
		for (int i = 0; i < labels.size(); i++) {
			labelPositions.put(labels.get(i), ids + i);
		}
		for (int i = 0; i < this.keys.length; i++) {
			Node node = this.byId.get(this.keys[i]);
			this.keyPositions[i] = (node != null) ? node.index : labelPositions.get(this.keys[i]);
		}
	}

	private void link() {
		for (Node node : this.nodes) {
			List<Node> downs = new ArrayList<>(node.revision.downRevisions().size());
			for (String down : node.revision.downRevisions()) {
				Node target = this.byId.get(down);
				if (target == null) {
					throw new RevisionException("Revision " + down + " referenced from " + node.id + " ("
							+ node.revision.source() + ") is not present"
							+ (this.byLabel.containsKey(down) ? ": '" + down
									+ "' is a branch label; Revises takes revision ids" : ""));
				}
				downs.add(target);
			}
			node.down = List.copyOf(downs);
			List<Node> dependencies = new ArrayList<>();
			for (String dependency : node.revision.dependsOn()) {
				Node target = this.byId.containsKey(dependency) ? this.byId.get(dependency)
						: this.byLabel.get(dependency);
				if (target == null) {
					throw new RevisionException("Dependency " + dependency + " of revision " + node.id + " ("
							+ node.revision.source() + ") is neither a revision id nor a branch label");
				}
				if (!dependencies.contains(target)) {
					dependencies.add(target);
				}
			}
			node.dependencies = List.copyOf(dependencies);
			node.allDown = concat(node.down, node.dependencies);
			for (Node down : node.allDown) {
				down.allNext.add(node);
				if (node.down.contains(down)) {
					down.next.add(node);
				}
			}
		}
	}

	private void linkNormalized() {
		for (Node node : this.nodes) {
			node.normalizedDown = concat(node.down, node.normalizedDependencies);
			for (Node down : node.normalizedDown) {
				down.normalizedUp.add(node);
			}
		}
	}

	/**
	 * The revisions with each after its down revisions and dependencies (Kahn's order, from
	 * the bases up), which serves every pass of the build. A graph these links cannot order
	 * has a cycle, which is refused with Alembic's cycle checks: every revision must be
	 * reached both from the heads and from the bases. A cycle those walks let through is
	 * refused too, since nothing can be planned on it.
	 */
	private List<Node> orderOrRefuseCycles() {
		int size = this.nodes.size();
		int[] waiting = new int[size];
		Node[] order = new Node[size];
		int ordered = 0;
		for (Node node : this.nodes) {
			waiting[node.index] = node.allDown.size();
			if (waiting[node.index] == 0) {
				order[ordered++] = node;
			}
		}
		for (int next = 0; next < ordered; next++) {
			for (Node child : order[next].allNext) {
				if (--waiting[child.index] == 0) {
					order[ordered++] = child;
				}
			}
		}
		if (ordered == size) {
			return Arrays.asList(order);
		}
		boolean downCycle = !unordered(false).isEmpty();
		if (downCycle) {
			detectDownCycles();
		}
		List<String> unordered = unordered(true);
		if (this.realHeads.isEmpty() || this.realBases.isEmpty()) {
			throw new CycleException("Dependency cycle", Node.ids(this.nodes), null);
		}
		List<String> outside = outside(related(this.realHeads, (n) -> n.allDown, false),
				related(this.realBases, (n) -> n.allNext, false));
		if (!outside.isEmpty()) {
			throw new CycleException("Dependency cycle", outside, null);
		}
		// Alembic's walks let a cycle through when every revision on it is also reached from
		// a head and from a base; nothing can be planned on it, so it is refused here too.
		throw new CycleException(downCycle ? "Cycle" : "Dependency cycle", unordered, null);
	}

	private void detectDownCycles() {
		if (this.heads.isEmpty() || this.bases.isEmpty()) {
			throw new CycleException("Cycle", Node.ids(this.nodes), null);
		}
		List<String> outside = outside(related(this.heads, (n) -> n.down, false), related(this.bases, (n) -> n.next, false));
		if (!outside.isEmpty()) {
			throw new CycleException("Cycle", outside, null);
		}
	}

	/**
	 * The sorted ids of the revisions that Kahn's algorithm cannot order through these
	 * links (those on or above a cycle); empty when the links form no cycle.
	 * @param dependencies whether dependencies count as links, or only down revisions
	 */
	private List<String> unordered(boolean dependencies) {
		int[] waiting = new int[this.nodes.size()];
		int[] ready = new int[this.nodes.size()];
		int readySize = 0;
		for (Node node : this.nodes) {
			waiting[node.index] = (dependencies ? node.allDown : node.down).size();
			if (waiting[node.index] == 0) {
				ready[readySize++] = node.index;
			}
		}
		for (int next = 0; next < readySize; next++) {
			Node node = this.nodes.get(ready[next]);
			for (Node child : dependencies ? node.allNext : node.next) {
				if (--waiting[child.index] == 0) {
					ready[readySize++] = child.index;
				}
			}
		}
		if (readySize == this.nodes.size()) {
			return List.of();
		}
		List<String> unordered = new ArrayList<>();
		for (Node node : this.nodes) {
			if (waiting[node.index] > 0) {
				unordered.add(node.id);
			}
		}
		Collections.sort(unordered);
		return unordered;
	}

	/** The sorted ids of the revisions that are not in both of the given sets. */
	private List<String> outside(List<Node> first, List<Node> second) {
		boolean[] inFirst = new boolean[this.nodes.size()];
		first.forEach((node) -> inFirst[node.index] = true);
		boolean[] inBoth = new boolean[this.nodes.size()];
		second.forEach((node) -> inBoth[node.index] = inFirst[node.index]);
		List<String> outside = new ArrayList<>();
		for (Node node : this.nodes) {
			if (!inBoth[node.index]) {
				outside.add(node.id);
			}
		}
		Collections.sort(outside);
		return outside;
	}

	/**
	 * Levels in one pass over the build's order: a revision's normalized down revisions are
	 * among its down revisions and dependencies, so they come before it.
	 */
	private static void computeLevels(List<Node> order) {
		for (Node node : order) {
			for (Node down : node.normalizedDown) {
				node.level = Math.max(node.level, down.level + 1);
			}
		}
	}

	/** This thread's visit marks. */
	private Marks marks() {
		Marks marks = this.marks.get();
		if (marks == null) {
			marks = new Marks(this.nodes.size());
			this.marks.set(marks);
		}
		return marks;
	}

	/** This thread's numbering. */
	private Numbering numbering() {
		Numbering numbering = this.numbering.get();
		if (numbering == null) {
			numbering = new Numbering(this.nodes.size());
			this.numbering.set(numbering);
		}
		return numbering;
	}

	private static List<Node> concat(List<Node> first, List<Node> second) {
		if (second.isEmpty()) {
			return List.copyOf(first);
		}
		Set<Node> all = new LinkedHashSet<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	// ---------------------------------------------------------------- structure

	/** Every revision, in load order. */
	public List<Revision> revisions() {
		return revisionsOf(this.nodes);
	}

	/** The revision with exactly this id, or {@code null}. */
	public Revision get(String id) {
		Node node = this.byId.get(id);
		return (node != null) ? node.revision : null;
	}

	/** Whether there are no revisions. */
	public boolean isEmpty() {
		return this.nodes.isEmpty();
	}

	/** The heads: revisions that no revision revises (Alembic's {@code heads}). */
	public List<String> heads() {
		return Node.ids(this.heads);
	}

	/**
	 * The heads once dependencies count too: what the version table holds after upgrading to
	 * {@code heads} ({@code heads --resolve-dependencies}).
	 */
	public List<String> realHeads() {
		return Node.ids(this.realHeads);
	}

	/** The bases: revisions that revise nothing. */
	public List<String> bases() {
		return Node.ids(this.bases);
	}

	/** The bases that depend on nothing either. */
	public List<String> realBases() {
		return Node.ids(this.realBases);
	}

	/** The revision's branch labels: its own and those it shares with its branch. */
	public Set<String> branchLabels(String id) {
		return node(id).labels;
	}

	/** The revisions that revise this one (not counting dependencies). */
	public Set<String> nextRevisions(String id) {
		return new LinkedHashSet<>(Node.ids(node(id).next));
	}

	/** Whether no revision revises this one. */
	public boolean isHead(String id) {
		return node(id).next.isEmpty();
	}

	/** Whether several revisions revise this one. */
	public boolean isBranchPoint(String id) {
		return node(id).next.size() > 1;
	}

	/** The dependencies of a revision resolved to ids, without those its ancestors already have. */
	public List<String> normalizedDependencies(String id) {
		return Node.ids(node(id).normalizedDependencies);
	}

	/** The revision with exactly this id, or {@code null}. */
	Node nodeOf(String id) {
		return this.byId.get(id);
	}

	/** How many revisions there are. */
	int size() {
		return this.nodes.size();
	}

	/**
	 * The position of a revision in load order (sorted path order for files).
	 * @return the position from 0, or {@link Integer#MAX_VALUE} when there is no such revision
	 */
	public int indexOf(String id) {
		Node node = this.byId.get(id);
		return (node != null) ? node.index : Integer.MAX_VALUE;
	}

	private Node node(String id) {
		Node node = this.byId.get(id);
		if (node == null) {
			throw new ResolutionException("No such revision '" + id + "'", id);
		}
		return node;
	}

	// ---------------------------------------------------------------- resolution

	/**
	 * The one head, optionally of a branch, or {@code null} when there are no revisions.
	 * @throws MultipleHeadsException when there are several
	 */
	public String currentHead(String branchLabel) {
		List<Node> current = this.heads;
		if (branchLabel != null && !branchLabel.isEmpty()) {
			current = lineage(current, branchLabel, false);
		}
		if (current.size() > 1) {
			throw new MultipleHeadsException(Node.ids(current),
					(branchLabel != null && !branchLabel.isEmpty()) ? branchLabel + "@head" : "head");
		}
		return current.isEmpty() ? null : current.get(0).id;
	}

	/**
	 * Resolves a target to one revision ({@code null} for {@code base}): an id, a unique
	 * prefix (ids of four or more characters match by prefix), {@code head}, {@code label@head}, {@code label@id},
	 * {@code label@-N}.
	 * @throws MultipleHeadsException when the target names several heads
	 * @throws ResolutionException when it names no revision, or several
	 */
	public Revision revision(String target) {
		Node node = getRevision(target);
		return (node != null && node != Node.BASE) ? node.revision : null;
	}

	/**
	 * Resolves a target to any number of revisions: as {@link #revision} plus {@code heads}
	 * and {@code label@heads}; empty for {@code base}.
	 */
	public List<Revision> revisions(String target) {
		return revisionsOf(getRevisions(target));
	}

	/** Resolves several targets, concatenating their revisions. */
	public List<Revision> revisions(Collection<String> targets) {
		return revisionsOf(getRevisions(List.copyOf(targets)));
	}

	/**
	 * The ids among {@code ids} that share lineage (are ancestors or descendants) with the
	 * target {@code checkAgainst}.
	 */
	public List<String> filterForLineage(Collection<String> ids, String checkAgainst, boolean includeDependencies) {
		List<Node> targets = new ArrayList<>();
		for (String id : ids) {
			targets.add(revisionForIdent(id, null));
		}
		return Node.ids(lineage(targets, checkAgainst, includeDependencies));
	}

	private static List<Revision> revisionsOf(List<Node> nodes) {
		List<Revision> revisions = new ArrayList<>(nodes.size());
		for (Node node : nodes) {
			if (node != null && node != Node.BASE) {
				revisions.add(node.revision);
			}
		}
		return revisions;
	}

	private record Resolved(List<String> ids, String branchLabel) {
	}

	private Resolved resolveRevisionNumber(String target) {
		String branchLabel = null;
		String id = target;
		if (target != null && target.contains("@")) {
			int at = target.indexOf('@');
			branchLabel = target.substring(0, at);
			id = target.substring(at + 1);
			if (branchLabel.isEmpty()) {
				branchLabel = null;
			}
		}
		if ("heads".equals(id)) {
			return new Resolved((branchLabel != null) ? Node.ids(lineage(this.heads, branchLabel, false))
					: Node.ids(this.realHeads), branchLabel);
		}
		if ("head".equals(id)) {
			String head = currentHead(branchLabel);
			return new Resolved((head != null) ? List.of(head) : List.of(), branchLabel);
		}
		if (id == null || "base".equals(id)) {
			return new Resolved(List.of(), branchLabel);
		}
		return new Resolved(List.of(id), branchLabel);
	}

	/** Alembic's {@code get_revisions} for one target; may hold {@code null} or base from walks. */
	List<Node> getRevisions(String target) {
		Resolved resolved = resolveRevisionNumber(target);
		if (resolved.ids().size() == 1) {
			Integer steps = parseInt(resolved.ids().get(0));
			if (steps != null && steps < 0) {
				List<Node> selected = new ArrayList<>();
				for (Node head : getRevisions(List.copyOf(Node.ids(this.realHeads)))) {
					if (resolved.branchLabel() == null || head.labels.contains(resolved.branchLabel())) {
						selected.add(head);
					}
				}
				List<Node> walked = new ArrayList<>();
				for (Node head : selected) {
					walked.add(walk(head, steps, null, true));
				}
				return walked;
			}
		}
		List<Node> result = new ArrayList<>();
		for (String id : resolved.ids()) {
			result.add(revisionForIdent(id, resolved.branchLabel()));
		}
		return result;
	}

	/** {@code get_revisions} over several targets: their revisions concatenated. */
	List<Node> getRevisions(List<String> targets) {
		if (targets.size() == 1) {
			return getRevisions(targets.get(0));
		}
		List<Node> result = new ArrayList<>();
		for (String target : targets) {
			result.addAll(getRevisions(target));
		}
		return result;
	}

	/** Alembic's {@code get_revision}: one revision, {@code null} for base. */
	Node getRevision(String target) {
		Resolved resolved = resolveRevisionNumber(target);
		if (resolved.ids().size() > 1) {
			throw new MultipleHeadsException(resolved.ids(), target);
		}
		return revisionForIdent(resolved.ids().isEmpty() ? null : resolved.ids().get(0), resolved.branchLabel());
	}

	private static Integer parseInt(String text) {
		if (text.isEmpty() || text.length() > 10) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(Character.isDigit(c) || (i == 0 && (c == '-' || c == '+') && text.length() > 1))) {
				return null;
			}
		}
		return Integer.valueOf(text);
	}

	private Node resolveBranch(String branchLabel) {
		Node labelled = this.byLabel.get(branchLabel);
		if (labelled != null) {
			return labelled;
		}
		try {
			return revisionForIdent(branchLabel, null);
		}
		catch (ResolutionException ex) {
			throw new ResolutionException("No such branch: '" + branchLabel + "'", branchLabel);
		}
	}

	private Node revisionForIdent(String id, String checkBranch) {
		Node branch = (checkBranch != null) ? resolveBranch(checkBranch) : null;
		if (id == null) {
			return null;
		}
		Node revision = this.byId.containsKey(id) ? this.byId.get(id) : this.byLabel.get(id);
		if (revision == null) {
			List<String> candidates = prefixed(id);
			if (branch != null) {
				candidates = filterForLineage(candidates, checkBranch, false);
			}
			if (candidates.isEmpty()) {
				throw new ResolutionException("No such revision or branch '" + id + "'"
						+ ((id.length() < 4)
								? "; please ensure at least four characters are present for partial revision identifier matches"
								: ""),
						id);
			}
			if (candidates.size() > 1) {
				throw new ResolutionException("Multiple revisions start with '" + id + "': "
						+ String.join(", ", candidates.stream().map((c) -> "'" + c + "'").toList())
						+ "; give more characters of the id", id);
			}
			revision = this.byId.containsKey(candidates.get(0)) ? this.byId.get(candidates.get(0))
					: this.byLabel.get(candidates.get(0));
		}
		if (branch != null && !sharesLineage(revision, List.of(branch), false)) {
			throw new ResolutionException("Revision " + revision.id + " is not a member of branch '" + checkBranch + "'",
					id);
		}
		return revision;
	}

	/** Ids and labels longer than three characters that start with the prefix, in key order. */
	private List<String> prefixed(String prefix) {
		String last = prefix + Character.MAX_VALUE;
		int from = Arrays.binarySearch(this.keys, prefix);
		List<Integer> matches = new ArrayList<>();
		for (int i = (from >= 0) ? from : -from - 1; i < this.keys.length && this.keys[i].compareTo(last) <= 0; i++) {
			if (this.keys[i].length() > 3) {
				matches.add(i);
			}
		}
		matches.sort((a, b) -> Integer.compare(this.keyPositions[a], this.keyPositions[b]));
		List<String> candidates = new ArrayList<>(matches.size());
		matches.forEach((i) -> candidates.add(this.keys[i]));
		return candidates;
	}

	List<Node> lineage(Collection<Node> targets, String checkAgainst, boolean includeDependencies) {
		Resolved resolved = resolveRevisionNumber(checkAgainst);
		List<Node> shares = new ArrayList<>();
		if (resolved.branchLabel() != null) {
			shares.add(revisionForIdent(resolved.branchLabel(), null));
		}
		for (String id : resolved.ids()) {
			shares.add(revisionForIdent(id, null));
		}
		List<Node> result = new ArrayList<>();
		for (Node target : targets) {
			if (shares.isEmpty() || sharesLineage(target, shares, includeDependencies)) {
				result.add(target);
			}
		}
		return result;
	}

	private boolean sharesLineage(Node target, List<Node> testAgainst, boolean includeDependencies) {
		if (testAgainst.isEmpty()) {
			return true;
		}
		Set<Node> wanted = new HashSet<>(testAgainst);
		return reaches(target, wanted, includeDependencies ? (n) -> n.allNext : (n) -> n.next)
				|| reaches(target, wanted, includeDependencies ? (n) -> n.normalizedDown : (n) -> n.down);
	}

	private boolean reaches(Node start, Set<Node> wanted, Function<Node, List<Node>> links) {
		Marks seen = marks().reset();
		Deque<Node> todo = new ArrayDeque<>();
		todo.push(start);
		while (!todo.isEmpty()) {
			Node node = todo.pop();
			if (wanted.contains(node)) {
				return true;
			}
			if (seen.mark(node.index)) {
				links.apply(node).forEach(todo::push);
			}
		}
		return false;
	}

	// ---------------------------------------------------------------- walking

	/**
	 * Ancestors (including the targets) following normalized down revisions, or declared
	 * down revisions only.
	 */
	List<Node> ancestors(Collection<Node> targets, boolean includeDependencies, boolean check) {
		return related(targets, includeDependencies ? (n) -> n.normalizedDown : (n) -> n.down, check);
	}

	/** Descendants (including the targets) following all next revisions, or declared ones only. */
	List<Node> descendants(Collection<Node> targets, boolean includeDependencies, boolean check) {
		return related(targets, includeDependencies ? (n) -> n.allNext : (n) -> n.next, check);
	}

	/** Depth-first over {@code links} from every target, in Alembic's order, each node once. */
	private List<Node> related(Collection<Node> targets, Function<Node, List<Node>> links, boolean check) {
		Marks seen = marks().reset();
		List<Node> result = new ArrayList<>();
		Deque<Node> todo = new ArrayDeque<>();
		Set<Node> targetSet = check ? new HashSet<>(targets) : Set.of();
		for (Node target : targets) {
			if (target == null || target == Node.BASE) {
				throw new RevisionException("Relative revision walked past the base of the graph");
			}
			Set<Node> overlaps = check ? new LinkedHashSet<>() : null;
			todo.addLast(target);
			while (!todo.isEmpty()) {
				Node node = todo.removeLast();
				if (check && node != target && targetSet.contains(node)) {
					overlaps.add(node);
				}
				if (!seen.mark(node.index)) {
					continue;
				}
				for (Node linked : links.apply(node)) {
					todo.addLast(linked);
				}
				result.add(node);
			}
			if (check && !overlaps.isEmpty()) {
				throw new RevisionException("Requested revision " + target.id + " overlaps with other requested revisions "
						+ String.join(", ", Node.ids(overlaps)));
			}
		}
		return result;
	}

	/**
	 * Walks {@code steps} revisions up (positive) or down (negative) from {@code start}
	 * ({@code null} = below the bases when walking up, above the heads when walking down).
	 * Returns {@code null} when the walk runs off the graph and {@code noOverwalk} is set.
	 */
	Node walk(Node start, int steps, String branchLabel, boolean noOverwalk) {
		Node current = start;
		for (int i = 0; i < Math.abs(steps); i++) {
			List<Node> children;
			if (steps > 0) {
				if (current == Node.BASE) {
					throw new RevisionException("Cannot walk up from base");
				}
				List<Node> up = (current == null) ? this.bases : current.next;
				children = (branchLabel != null) ? lineage(up, branchLabel, false) : up;
			}
			else if (current == Node.BASE) {
				children = List.of();
			}
			else {
				children = (current == null) ? this.heads : current.down;
				if (children.isEmpty()) {
					children = List.of(Node.BASE);
				}
			}
			if (children.isEmpty()) {
				return noOverwalk ? null : current;
			}
			if (children.size() > 1) {
				throw new RevisionException("Ambiguous walk: " + ((current != null) ? "revision " + current.id : "the graph")
						+ " has several " + ((steps > 0) ? "next" : "down") + " revisions (" + String.join(", ", Node.ids(children))
						+ "); name a branch, as in label@" + ((steps > 0) ? "+" : "-") + Math.abs(steps) + ", or a revision");
			}
			current = children.get(0);
		}
		return current;
	}

	private record Target(String branchLabel, Node revision) {
	}

	private static RevisionException didNotProduce(String relative) {
		int count = Math.abs(Integer.parseInt(relative));
		return new RevisionException("Relative revision " + relative + " didn't produce " + count + " migrations");
	}

	/**
	 * The match of a relative target ({@code +2}, {@code ae10-1}, {@code branch@head+1}) at
	 * the start of the text, or {@code null}. Only text with a sign can be one, so the
	 * pattern is compiled when the first such target is resolved, not on every start.
	 */
	private static Matcher relative(String target) {
		if (target.indexOf('+') < 0 && target.indexOf('-') < 0) {
			return null;
		}
		Matcher match = RelativePattern.INSTANCE.matcher(target);
		return match.lookingAt() ? match : null;
	}

	/** Holds the pattern of relative targets until one is resolved. */
	private static final class RelativePattern {

		static final Pattern INSTANCE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");

	}

	private Target parseDowngradeTarget(List<String> current, String target, boolean assertRelativeLength) {
		if (target == null) {
			return new Target(null, null);
		}
		Matcher match = relative(target);
		if (match != null) {
			String branchLabel = match.group(1);
			String symbol = match.group(2);
			String relative = match.group(3);
			int steps = Integer.parseInt(relative);
			if (steps >= 0) {
				if (symbol == null) {
					throw didNotProduce(relative);
				}
				Node node = walk(getRevision(symbol), steps, branchLabel, assertRelativeLength);
				if (node == null) {
					throw new RevisionException("Walked too far: " + target + " goes past the end of the graph");
				}
				return new Target(branchLabel, node);
			}
			boolean relativeToCurrent = symbol == null;
			if (relativeToCurrent) {
				if (branchLabel != null) {
					List<Node> onBranch = lineage(getRevisions(current), branchLabel, false);
					if (onBranch.isEmpty()) {
						onBranch = lineage(allCurrent(current), branchLabel, false);
					}
					if (onBranch.size() != 1) {
						throw new RevisionException("Branch '" + branchLabel + "' has " + onBranch.size()
								+ " current revisions (" + String.join(", ", Node.ids(onBranch))
								+ "); name a revision instead of " + target);
					}
					symbol = onBranch.get(0).id;
				}
				else {
					if (current.isEmpty()) {
						throw didNotProduce(relative);
					}
					symbol = current.get(0);
					branchLabel = symbol;
				}
			}
			Node start = (branchLabel == null) ? getRevision(symbol) : getRevision(branchLabel + "@" + symbol);
			Node node = walk(start, steps, null, assertRelativeLength);
			if (node == null) {
				if (relativeToCurrent) {
					throw didNotProduce(relative);
				}
				throw new RevisionException("Walked too far: " + target + " goes past the base of the graph");
			}
			return new Target(branchLabel, node);
		}
		int at = target.lastIndexOf('@');
		String branchLabel = (at > 0) ? target.substring(0, at) : null;
		return new Target(branchLabel, getRevision(target.substring(at + 1)));
	}

	private List<Node> parseUpgradeTarget(List<String> current, List<String> target, boolean assertRelativeLength) {
		Matcher match = (target.size() == 1) ? relative(target.get(0)) : null;
		if (match == null) {
			return getRevisions(target);
		}
		String branchLabel = match.group(1);
		String symbol = match.group(2);
		String relative = match.group(3);
		int steps = Integer.parseInt(relative);
		if (steps > 0) {
			if (symbol == null) {
				List<Node> start = new ArrayList<>();
				if (current.isEmpty()) {
					start.add(null);
				}
				else if (branchLabel == null) {
					for (String id : current) {
						start.add(getRevision(id));
					}
				}
				else {
					start.addAll(lineage(getRevisions(current), branchLabel, false));
					if (start.isEmpty()) {
						List<Node> active = lineage(ancestors(getRevisions(current), true, false), branchLabel, false);
						Set<Node> tips = new LinkedHashSet<>(active);
						active.forEach((node) -> tips.removeAll(node.normalizedDown));
						start.addAll(tips);
						if (start.isEmpty()) {
							start.add(null);
						}
					}
				}
				if (start.size() > 1) {
					throw new RevisionException("Ambiguous upgrade from multiple current revisions ("
							+ String.join(", ", Node.ids(start)) + "); name a branch, as in label@" + relative);
				}
				Node node = walk(start.get(0), steps, branchLabel, assertRelativeLength);
				if (node == null) {
					throw didNotProduce(relative);
				}
				return List.of(node);
			}
			Node node = walk(getRevision(symbol), steps, branchLabel, assertRelativeLength);
			if (node == null) {
				throw new RevisionException("Relative revision " + target.get(0) + " goes past the heads of the graph");
			}
			return List.of(node);
		}
		if (symbol == null) {
			throw didNotProduce(relative);
		}
		Node start = (branchLabel == null) ? getRevision(symbol) : getRevision(branchLabel + "@" + symbol);
		Node node = walk(start, steps, null, assertRelativeLength);
		if (node == null) {
			throw new RevisionException("Relative revision " + target.get(0) + " goes past the base of the graph");
		}
		return (node == Node.BASE) ? List.of() : List.of(node);
	}

	private List<Node> allCurrent(List<String> current) {
		Set<Node> top = new LinkedHashSet<>(getRevisions(current));
		top.addAll(ancestors(List.copyOf(top), true, false));
		return filterIntoBranchHeads(top);
	}

	private List<Node> filterIntoBranchHeads(Set<Node> targets) {
		List<Node> result = new ArrayList<>(targets);
		for (Node node : List.copyOf(targets)) {
			for (Node descendant : descendants(List.of(node), false, false)) {
				if (descendant != node && targets.contains(descendant)) {
					result.remove(node);
					break;
				}
			}
		}
		return result;
	}

	// ---------------------------------------------------------------- iteration

	/**
	 * The revisions between two targets, upper first, in Alembic's order
	 * ({@code iterate_revisions}). Each end is a list of targets; an empty list is base.
	 */
	public List<Revision> iterate(List<String> upper, List<String> lower, Traversal traversal) {
		return revisionsOf(iterateNodes(upper, lower, traversal));
	}

	/** {@link #iterate(List, List, Traversal)} for single targets; {@code null} is base. */
	public List<Revision> iterate(String upper, String lower, Traversal traversal) {
		return iterate(listOf(upper), listOf(lower), traversal);
	}

	/**
	 * Every revision from {@code head} down to {@code base}, both included, as {@code history}
	 * lists them ({@code walk_revisions}).
	 */
	public List<Revision> walk(String base, String head) {
		return iterate(head, base, Traversal.DEFAULT.inclusive(true).assertRelativeLength(false));
	}

	/** Targets as messages name them: {@code base} for none. */
	static String describe(List<String> targets) {
		return targets.isEmpty() ? "base" : String.join(", ", targets);
	}

	static List<String> listOf(String target) {
		return (target != null) ? List.of(target) : List.of();
	}

	List<Node> iterateNodes(List<String> upper, List<String> lower, Traversal traversal) {
		Selection selection = traversal.downgrade()
				? collectDowngrade(upper, lower, traversal.inclusive(), traversal.implicitBase(),
						traversal.assertRelativeLength())
				: collectUpgrade(upper, lower, traversal.inclusive(), traversal.implicitBase(),
						traversal.assertRelativeLength());
		return topologicalSort(selection.revisions(), selection.heads());
	}

	private record Selection(Set<Node> revisions, List<Node> heads) {
	}

	private Selection collectDowngrade(List<String> upper, List<String> lower, boolean inclusive, boolean implicitBase,
			boolean assertRelativeLength) {
		if (lower.size() > 1) {
			throw new RevisionException("A downgrade goes to one target, not " + String.join(", ", lower));
		}
		Target parsed = parseDowngradeTarget(upper, lower.isEmpty() ? null : lower.get(0), assertRelativeLength);
		Node target = (parsed.revision() == Node.BASE) ? null : parsed.revision();
		List<Node> roots;
		if (target == null) {
			roots = new ArrayList<>(this.bases);
		}
		else if (inclusive) {
			roots = List.of(target);
		}
		else {
			roots = new ArrayList<>(target.next);
		}
		if (parsed.branchLabel() != null && roots.size() > 1) {
			List<Node> branchAncestors = ancestors(List.of(resolveBranch(parsed.branchLabel())), false, false);
			roots.retainAll(new HashSet<>(branchAncestors));
			if (roots.isEmpty()) {
				throw new RevisionException("Not a valid downgrade target from current heads: " + lower.get(0));
			}
		}
		List<Node> heads = getRevisions(upper);
		Set<Node> downgrade = new LinkedHashSet<>(descendants(roots, true, false));
		Set<Node> active = new HashSet<>(ancestors(heads, true, false));
		downgrade.retainAll(active);
		if (implicitBase) {
			Set<Node> others = new LinkedHashSet<>(active);
			ancestors(roots, true, false).forEach(others::remove);
			downgrade.addAll(others);
		}
		if (target != null && downgrade.isEmpty() && !heads.contains(target)) {
			throw new RangeNotAncestorException("Nothing to drop", describe(upper));
		}
		return new Selection(downgrade, heads);
	}

	private Selection collectUpgrade(List<String> upper, List<String> lower, boolean inclusive, boolean implicitBase,
			boolean assertRelativeLength) {
		List<Node> targets = new ArrayList<>(parseUpgradeTarget(lower, upper, assertRelativeLength));
		for (Node node : targets) {
			if (node == null || node == Node.BASE) {
				throw new RevisionException("Relative revision " + String.join(", ", upper) + " goes past the graph");
			}
		}
		if (lower.size() == 1 && lower.get(0).contains("@")) {
			String branch = lower.get(0).substring(0, lower.get(0).indexOf('@'));
			Node branchRevision = getRevision(branch);
			if (branchRevision != null && branchRevision.id.equals(branch)) {
				if (branchRevision.labels.size() != 1) {
					throw new RevisionException("Revision " + branch + " used as a branch has "
							+ branchRevision.labels.size() + " branch labels; name the label instead");
				}
				branch = branchRevision.labels.iterator().next();
			}
			String label = branch;
			targets.removeIf((node) -> !node.labels.contains(label));
		}
		Set<Node> required = new LinkedHashSet<>(ancestors(targets, true, true));
		required.addAll(targets);
		List<Node> current = getRevisions(lower);
		if (!implicitBase) {
			for (Node node : current) {
				if (node != null && !required.contains(node)) {
					throw new RangeNotAncestorException(describe(lower), describe(upper));
				}
			}
		}
		List<String> lowerIds = lower;
		if (!current.isEmpty() && current.get(0) == null) {
			Node resolved = parseDowngradeTarget(upper, lower.get(0), assertRelativeLength).revision();
			if (resolved == Node.BASE || resolved == null) {
				current = List.of();
				lowerIds = List.of();
			}
			else {
				current = List.of(resolved);
				lowerIds = List.of(resolved.id);
			}
		}
		Set<Node> currentSet = new HashSet<>(ancestors(current, true, true));
		currentSet.addAll(current);
		Set<Node> needs = new LinkedHashSet<>(required);
		needs.removeAll(currentSet);
		if (inclusive) {
			for (Node node : getRevisions(lowerIds)) {
				if (node != null && node != Node.BASE) {
					needs.add(node);
				}
			}
		}
		if (!current.isEmpty() && !implicitBase) {
			needs.retainAll(new HashSet<>(descendants(current, false, true)));
		}
		return new Selection(needs, targets);
	}

	/**
	 * Orders revisions so that each comes before its down revisions and dependencies, walking
	 * down from the heads one branch at a time, as Alembic's {@code _topological_sort} does:
	 * continue down the current head unless the candidate is an ancestor of another head, then
	 * switch to the first such head. Revisions of the set that no head reaches start as heads
	 * too (Alembic stops there with an assertion).
	 */
	private List<Node> topologicalSort(Set<Node> revisions, List<Node> heads) {
		Numbering members = numbering().reset();
		for (Node node : revisions) {
			members.put(node.index, 0);
		}
		List<Node> current = new ArrayList<>();
		Marks added = marks().reset();
		for (Node head : heads) {
			if (head != null && revisions.contains(head) && added.mark(head.index)) {
				current.add(head);
			}
		}
		for (Node node : revisions) {
			if (!anyIn(node.normalizedUp, members) && added.mark(node.index)) {
				current.add(node);
			}
		}
		current.sort((a, b) -> Integer.compare(a.index, b.index));
		return isConvex(revisions, members) ? new BranchWalk(revisions, current, members).sort()
				: sortByAncestorSets(revisions, current);
	}

	/** Whether any of the revisions is numbered. */
	private static boolean anyIn(List<Node> nodes, Numbering members) {
		for (int i = 0; i < nodes.size(); i++) {
			if (members.get(nodes.get(i).index) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether no path leads from one revision of the set to another through revisions outside
	 * it; then "an ancestor of another head" is "has a child in the set not yet emitted".
	 */
	private boolean isConvex(Set<Node> revisions, Numbering members) {
		Marks seen = marks().reset();
		Deque<Node> todo = new ArrayDeque<>();
		for (Node node : revisions) {
			for (int i = 0; i < node.normalizedUp.size(); i++) {
				Node up = node.normalizedUp.get(i);
				if (members.get(up.index) < 0) {
					todo.push(up);
				}
			}
		}
		while (!todo.isEmpty()) {
			Node node = todo.pop();
			if (seen.mark(node.index)) {
				if (anyIn(node.normalizedUp, members)) {
					return false;
				}
				node.normalizedUp.forEach(todo::push);
			}
		}
		return true;
	}

	/** Alembic's branch walk with an ancestor set per head, for sets that are not convex. */
	private List<Node> sortByAncestorSets(Set<Node> revisions, List<Node> current) {
		Set<Node> todo = new HashSet<>(revisions);
		List<BitSet> ancestorsByIndex = new ArrayList<>();
		for (Node head : current) {
			ancestorsByIndex.add(ancestorBits(head));
		}
		List<Node> output = new ArrayList<>(revisions.size());
		int candidateIndex = 0;
		while (!current.isEmpty()) {
			Node candidate = current.get(candidateIndex);
			int blockedBy = -1;
			for (int i = 0; i < ancestorsByIndex.size(); i++) {
				if (i != candidateIndex && ancestorsByIndex.get(i).get(candidate.index)) {
					blockedBy = i;
					break;
				}
			}
			if (blockedBy >= 0) {
				candidateIndex = blockedBy;
				continue;
			}
			if (todo.remove(candidate)) {
				output.add(candidate);
			}
			List<Node> toAdd = new ArrayList<>();
			for (Node down : candidate.normalizedDown) {
				if (todo.contains(down) && !current.contains(down)) {
					toAdd.add(down);
				}
			}
			if (toAdd.isEmpty()) {
				current.remove(candidateIndex);
				ancestorsByIndex.remove(candidateIndex);
				candidateIndex = Math.max(candidateIndex - 1, 0);
			}
			else if (candidate.normalizedDependencies.isEmpty() && candidate.down.size() == 1) {
				current.set(candidateIndex, toAdd.get(0));
				ancestorsByIndex.get(candidateIndex).clear(candidate.index);
			}
			else {
				current.set(candidateIndex, toAdd.get(0));
				ancestorsByIndex.set(candidateIndex, ancestorBits(toAdd.get(0)));
				for (Node added : toAdd.subList(1, toAdd.size())) {
					current.add(added);
					ancestorsByIndex.add(ancestorBits(added));
				}
			}
		}
		if (!todo.isEmpty()) {
			throw new IllegalStateException("Revisions not reached from the heads while sorting: " + Node.ids(todo));
		}
		return output;
	}

	/** The node and its ancestors through normalized down revisions, as bits by load index. */
	private BitSet ancestorBits(Node node) {
		BitSet bits = new BitSet(this.nodes.size());
		Deque<Node> todo = new ArrayDeque<>();
		todo.push(node);
		while (!todo.isEmpty()) {
			Node next = todo.pop();
			if (!bits.get(next.index)) {
				bits.set(next.index);
				for (Node down : next.normalizedDown) {
					if (!bits.get(down.index)) {
						todo.push(down);
					}
				}
			}
		}
		return bits;
	}

	// ---------------------------------------------------------------- planning

	/**
	 * Plans the upgrade from the database's current heads to a target ({@code heads},
	 * {@code head}, an id, {@code label@head}, {@code +N}, ...).
	 * @throws RevisionException when the target cannot be resolved or is not above the current heads
	 */
	public Plan upgrade(Collection<String> currentHeads, String target) {
		List<String> current = List.copyOf(currentHeads);
		if ("heads".equals(target) && isAtRealHeads(current)) {
			// Every revision is below a real head, so every one is applied: the plan the
			// planner would find by walking the whole graph, without the walk.
			List<String> resulting = new ArrayList<>(current);
			if (resulting.size() > 1) {
				resulting.sort(Comparator.comparingInt(this::indexOf));
			}
			return new Plan(current, List.of(), resulting);
		}
		return new Planner(this).upgrade(current, target);
	}

	/** Whether the heads are exactly the real heads, each once, in any order. */
	private boolean isAtRealHeads(List<String> heads) {
		if (heads.size() != this.realHeads.size() || heads.isEmpty()) {
			return false;
		}
		for (int i = 0; i < heads.size(); i++) {
			Node node = this.byId.get(heads.get(i));
			if (node == null || !node.allNext.isEmpty() || heads.subList(0, i).contains(node.id)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Plans the downgrade from the database's current heads to a target ({@code base}, an id,
	 * {@code -N}, {@code label@-N}, ...).
	 * @throws RevisionException when the target cannot be resolved or is not below the current heads
	 */
	public Plan downgrade(Collection<String> currentHeads, String target) {
		return new Planner(this).downgrade(List.copyOf(currentHeads), target);
	}

	/**
	 * Plans a stamp: version rows moved to the targets without running revisions.
	 * @param purge whether to ignore the current heads and replace every row
	 */
	public Plan stamp(Collection<String> currentHeads, Collection<String> targets, boolean purge) {
		return new Planner(this).stamp(List.copyOf(currentHeads), List.copyOf(targets), purge);
	}

}

package dev.migrate.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A revision as the graph sees it: the links it derives from the revisions' declarations.
 * Mutable only while {@link RevisionGraph} is being built; then every list is an immutable
 * copy, as small as it can be (about 250 bytes a revision in all, with the graph's maps).
 */
final class Node {

	/** Stands for {@code base} where a walk down the graph runs past the bases. */
	static final Node BASE = new Node(null, "base", -1);

	final Revision revision;

	final String id;

	/** Position in load order; ties are broken by it. */
	final int index;

	/** Down revisions, as declared. */
	List<Node> down = List.of();

	/** Dependencies resolved from ids or branch labels to revisions. */
	List<Node> dependencies = List.of();

	/** Dependencies that no ancestor already depends on. */
	List<Node> normalizedDependencies = List.of();

	/** Down revisions plus dependencies. */
	List<Node> allDown = List.of();

	/** Down revisions plus normalized dependencies: what a step moves from. */
	List<Node> normalizedDown = List.of();

	/** Revisions whose normalized down revisions hold this one: the inverse of {@link #normalizedDown}. */
	List<Node> normalizedUp = new ArrayList<>();

	/** Revisions that revise this one. */
	List<Node> next = new ArrayList<>();

	/** Revisions that revise or depend on this one. */
	List<Node> allNext = new ArrayList<>();

	/** The longest path down to a base through normalized down revisions: every ancestor is lower. */
	int level;

	/** Declared and inherited branch labels, unmodifiable and shared between revisions that have the same. */
	Set<String> labels = Set.of();

	Node(Revision revision, String id, int index) {
		this.revision = revision;
		this.id = id;
		this.index = index;
	}

	boolean isMergePoint() {
		return this.down.size() > 1;
	}

	boolean isRealBranchPoint() {
		return this.allNext.size() > 1;
	}

	static List<String> ids(Iterable<Node> nodes) {
		List<String> ids = new ArrayList<>();
		for (Node node : nodes) {
			ids.add(node.id);
		}
		return ids;
	}

	@Override
	public String toString() {
		return this.id;
	}

}

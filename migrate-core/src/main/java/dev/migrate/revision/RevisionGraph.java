package dev.migrate.revision;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The revisions of a project as a graph, with Alembic's RevisionMap semantics: heads and
 * bases, branch points and merge points, branch labels, dependencies, target resolution and
 * planning. Built once from the loaded revisions; every graph error is found then.
 */
public final class RevisionGraph {

	/**
	 * Builds the graph from revisions in load order (sorted path order for files); that order
	 * breaks ties where Alembic's does.
	 * @throws RevisionException on a duplicate id or branch label, an unknown down revision
	 * or dependency, or a cycle
	 */
	public static RevisionGraph of(Collection<Revision> revisions) {
		throw new UnsupportedOperationException("in progress");
	}

	/** Every revision, in load order. */
	public List<Revision> revisions() {
		throw new UnsupportedOperationException("in progress");
	}

	/** The revision with exactly this id, or {@code null}. */
	public Revision get(String id) {
		throw new UnsupportedOperationException("in progress");
	}

	/** Whether there are no revisions. */
	public boolean isEmpty() {
		throw new UnsupportedOperationException("in progress");
	}

	/** The heads: revisions that no revision revises (Alembic's {@code heads}). */
	public List<String> heads() {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * The heads once dependencies count too: what the version table holds after upgrading to
	 * {@code heads} ({@code heads --resolve-dependencies}).
	 */
	public List<String> realHeads() {
		throw new UnsupportedOperationException("in progress");
	}

	/** The bases: revisions that revise nothing. */
	public List<String> bases() {
		throw new UnsupportedOperationException("in progress");
	}

	/** The bases that depend on nothing either. */
	public List<String> realBases() {
		throw new UnsupportedOperationException("in progress");
	}

	/** The revision's branch labels: its own and those it shares with its branch. */
	public Set<String> branchLabels(String id) {
		throw new UnsupportedOperationException("in progress");
	}

	/** The revisions that revise this one (not counting dependencies). */
	public Set<String> nextRevisions(String id) {
		throw new UnsupportedOperationException("in progress");
	}

	/** Whether no revision revises this one. */
	public boolean isHead(String id) {
		throw new UnsupportedOperationException("in progress");
	}

	/** Whether several revisions revise this one. */
	public boolean isBranchPoint(String id) {
		throw new UnsupportedOperationException("in progress");
	}

	/** The dependencies of a revision resolved to ids, without those its ancestors already have. */
	public List<String> normalizedDependencies(String id) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * The one head, optionally of a branch, or {@code null} when there are no revisions.
	 * @throws MultipleHeadsException when there are several
	 */
	public String currentHead(String branchLabel) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * Resolves a target to one revision ({@code null} for {@code base}): an id, a unique
	 * prefix of at least four characters, {@code head}, {@code label@head}, {@code label@id},
	 * {@code label@-N}.
	 * @throws MultipleHeadsException when the target names several heads
	 * @throws ResolutionException when it names no revision, or several
	 */
	public Revision revision(String target) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * Resolves a target to any number of revisions: as {@link #revision} plus {@code heads}
	 * and {@code label@heads}; empty for {@code base}.
	 */
	public List<Revision> revisions(String target) {
		throw new UnsupportedOperationException("in progress");
	}

	/** Resolves several targets, concatenating their revisions. */
	public List<Revision> revisions(Collection<String> targets) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * The ids among {@code ids} that share lineage (are ancestors or descendants) with the
	 * target {@code checkAgainst}.
	 */
	public List<String> filterForLineage(Collection<String> ids, String checkAgainst, boolean includeDependencies) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * The revisions between two targets, upper first, in Alembic's order
	 * ({@code iterate_revisions}). Each end is a list of targets; an empty list is base.
	 */
	public List<Revision> iterate(List<String> upper, List<String> lower, Traversal traversal) {
		throw new UnsupportedOperationException("in progress");
	}

	/** {@link #iterate(List, List, Traversal)} for single targets; {@code null} is base. */
	public List<Revision> iterate(String upper, String lower, Traversal traversal) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * Every revision from {@code head} down to {@code base}, both included, as {@code history}
	 * lists them ({@code walk_revisions}).
	 */
	public List<Revision> walk(String base, String head) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * Plans the upgrade from the database's current heads to a target ({@code heads},
	 * {@code head}, an id, {@code label@head}, {@code +N}, ...).
	 * @throws RevisionException when the target cannot be resolved or is not above the current heads
	 */
	public Plan upgrade(Collection<String> currentHeads, String target) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * Plans the downgrade from the database's current heads to a target ({@code base}, an id,
	 * {@code -N}, {@code label@-N}, ...).
	 * @throws RevisionException when the target cannot be resolved or is not below the current heads
	 */
	public Plan downgrade(Collection<String> currentHeads, String target) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * Plans a stamp: version rows moved to the targets without running revisions.
	 * @param purge whether to ignore the current heads and replace every row
	 */
	public Plan stamp(Collection<String> currentHeads, Collection<String> targets, boolean purge) {
		throw new UnsupportedOperationException("in progress");
	}

}

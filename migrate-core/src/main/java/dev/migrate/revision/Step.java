package dev.migrate.revision;

import java.util.List;

/**
 * One step of a plan: the upgrade or downgrade of one revision, or a stamp that only moves
 * version rows, with the version-table changes it makes.
 *
 * @param direction whether the step moves up or down the graph
 * @param revision the revision run by the step, or {@code null} for a stamp
 * @param fromRevisions the revisions the step starts from, without dependencies (for logs)
 * @param toRevisions the revisions the step ends at, without dependencies (for logs)
 * @param versionChanges the changes to the version table's rows, in order
 * @param headsAfter the heads in the version table once the step is done
 */
public record Step(Direction direction, Revision revision, List<String> fromRevisions, List<String> toRevisions,
		List<VersionChange> versionChanges, List<String> headsAfter) {

	public Step {
		fromRevisions = List.copyOf(fromRevisions);
		toRevisions = List.copyOf(toRevisions);
		versionChanges = List.copyOf(versionChanges);
		headsAfter = List.copyOf(headsAfter);
	}

	/** Whether this step only moves version rows and runs no revision. */
	public boolean isStamp() {
		return this.revision == null;
	}

	/** Whether this step moves up the graph. */
	public boolean isUpgrade() {
		return this.direction == Direction.UPGRADE;
	}

	/**
	 * The step as Alembic logs it: {@code upgrade 27c6a30d7c24 -> 1975ea83b712, add products}.
	 */
	@Override
	public String toString() {
		String name = isStamp() ? "stamp" : this.direction.toString();
		String text = name + " " + String.join(", ", this.fromRevisions) + " -> " + String.join(", ", this.toRevisions);
		return (this.revision != null && !this.revision.message().isEmpty()) ? text + ", " + this.revision.message()
				: text;
	}

	/** Which way a step moves. */
	public enum Direction {

		UPGRADE, DOWNGRADE;

		@Override
		public String toString() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}

package dev.migrate.revision;

/**
 * How {@link RevisionGraph#iterate} walks between two targets; Alembic's keyword arguments
 * of {@code iterate_revisions}.
 *
 * @param inclusive whether the lower end is included
 * @param implicitBase whether revisions on other branches down to base are included (upgrade),
 * or other branches are wound back to base (downgrade)
 * @param assertRelativeLength whether a relative target that walks past the graph's ends
 * is an error rather than stopping at the end
 * @param downgrade whether to select revisions for a downgrade (upper is the current state,
 * lower the destination)
 */
public record Traversal(boolean inclusive, boolean implicitBase, boolean assertRelativeLength, boolean downgrade) {

	/** Alembic's defaults: exclusive, no implicit base, relative length asserted, upgrade. */
	public static final Traversal DEFAULT = new Traversal(false, false, true, false);

	public Traversal inclusive(boolean inclusive) {
		return new Traversal(inclusive, this.implicitBase, this.assertRelativeLength, this.downgrade);
	}

	public Traversal implicitBase(boolean implicitBase) {
		return new Traversal(this.inclusive, implicitBase, this.assertRelativeLength, this.downgrade);
	}

	public Traversal assertRelativeLength(boolean assertRelativeLength) {
		return new Traversal(this.inclusive, this.implicitBase, assertRelativeLength, this.downgrade);
	}

	public Traversal downgrade(boolean downgrade) {
		return new Traversal(this.inclusive, this.implicitBase, this.assertRelativeLength, downgrade);
	}

}

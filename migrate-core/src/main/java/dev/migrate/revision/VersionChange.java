package dev.migrate.revision;

/**
 * One change to the version table's head rows that a step makes: a row inserted (a new
 * branch), deleted (a branch gone back to base or absorbed), or updated from one revision
 * to another.
 *
 * @param kind what happens to the row
 * @param from the revision whose row is updated or deleted, or {@code null} for an insert
 * @param to the revision whose row is inserted or written, or {@code null} for a delete
 */
public record VersionChange(Kind kind, String from, String to) {

	/** Inserts a head row for {@code revision}. */
	public static VersionChange insert(String revision) {
		return new VersionChange(Kind.INSERT, null, revision);
	}

	/** Deletes the head row of {@code revision}. */
	public static VersionChange delete(String revision) {
		return new VersionChange(Kind.DELETE, revision, null);
	}

	/** Moves the head row of {@code from} to {@code to}. */
	public static VersionChange update(String from, String to) {
		return new VersionChange(Kind.UPDATE, from, to);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case INSERT -> "insert " + this.to;
			case DELETE -> "delete " + this.from;
			case UPDATE -> "update " + this.from + " to " + this.to;
		};
	}

	/** What a version change does to a row. */
	public enum Kind {

		INSERT, DELETE, UPDATE

	}

}

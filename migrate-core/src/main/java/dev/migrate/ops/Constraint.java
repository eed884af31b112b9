package dev.migrate.ops;

/**
 * A table constraint: part of {@link CreateTable}, or added to an existing table by
 * {@link AddConstraint}.
 */
public sealed interface Constraint
		permits PrimaryKeyConstraint, ForeignKeyConstraint, UniqueConstraint, CheckConstraint {

	/** The constraint's name, or {@code null} to let the database name it. */
	String name();

	/** What kind of constraint it is. */
	ConstraintType type();

}

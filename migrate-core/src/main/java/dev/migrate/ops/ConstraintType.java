package dev.migrate.ops;

/**
 * The kinds of table constraint. {@link Operations#dropConstraint(String, String, ConstraintType)}
 * takes one because MariaDB drops each kind with its own statement, as Alembic's
 * {@code drop_constraint(type_=...)}.
 */
public enum ConstraintType {

	/** A primary key. */
	PRIMARY_KEY,

	/** A foreign key. */
	FOREIGN_KEY,

	/** A unique constraint. */
	UNIQUE,

	/** A check constraint. */
	CHECK

}

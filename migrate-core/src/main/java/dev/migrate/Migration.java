package dev.migrate;

import dev.migrate.ops.Operations;

/**
 * A revision written in Java: the upgrade that moves the schema forward and the downgrade
 * that takes it back. Annotate the class with {@link Revision}.
 */
public interface Migration {

	/**
	 * Applies this revision.
	 * @param op the operations to apply, rendered for the database at hand
	 */
	void upgrade(Operations op);

	/**
	 * Reverts this revision, leaving the schema as its down revisions left it.
	 * @param op the operations to apply, rendered for the database at hand
	 */
	void downgrade(Operations op);

}

package dev.migrate.revision;

import dev.migrate.MigrateException;

/**
 * A problem with the revision graph or a revision target: found when the graph is built
 * (duplicates, unknown references, bad ids) or when a target is resolved.
 */
public class RevisionException extends MigrateException {

	private static final long serialVersionUID = 1L;

	public RevisionException(String message) {
		super(message);
	}

}

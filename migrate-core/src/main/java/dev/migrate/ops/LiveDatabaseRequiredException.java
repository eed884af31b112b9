package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * A revision asked for the live database ({@link Operations#jdbc()}) where there is none: in
 * an offline script or a dry run.
 */
public class LiveDatabaseRequiredException extends MigrateException {

	private static final long serialVersionUID = 1L;

	public LiveDatabaseRequiredException(String message) {
		super(message);
	}

}

package dev.migrate.cli;

import dev.migrate.MigrateException;

/**
 * A user error found by the command line itself (a bad option value, a file in the way,
 * a missing configuration file). Reported as one line on stderr with exit code 1.
 */
final class CliException extends MigrateException {

	private static final long serialVersionUID = 1L;

	CliException(String message) {
		super(message);
	}

	CliException(String message, Throwable cause) {
		super(message, cause);
	}

}

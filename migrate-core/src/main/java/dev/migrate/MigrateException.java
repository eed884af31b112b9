package dev.migrate;

/**
 * The root of every error migrate reports. Messages name the revision, file, statement or
 * setting at fault and say what to do.
 */
public class MigrateException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MigrateException(String message) {
		super(message);
	}

	public MigrateException(String message, Throwable cause) {
		super(message, cause);
	}

}

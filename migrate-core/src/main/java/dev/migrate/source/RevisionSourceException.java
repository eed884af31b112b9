package dev.migrate.source;

import dev.migrate.MigrateException;

/**
 * A revision source that cannot be loaded: a SQL revision file that does not parse, a
 * revision class that cannot be used, or a location that cannot be read. The message names
 * the file (and line) or class at fault and says what to do.
 */
public class RevisionSourceException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String source;

	private final int line;

	RevisionSourceException(String source, int line, String message) {
		this(source, line, message, null);
	}

	RevisionSourceException(String source, int line, String message, Throwable cause) {
		super(message, cause);
		this.source = source;
		this.line = line;
	}

	/**
	 * Reports a problem at a line of a file, as {@code file:line: problem}.
	 */
	static RevisionSourceException at(String source, int line, String problem) {
		return new RevisionSourceException(source, line, source + ":" + line + ": " + problem);
	}

	/** The file, class or location at fault. */
	public String source() {
		return this.source;
	}

	/** The line at fault (1-based), or 0 when the problem is not on one line. */
	public int line() {
		return this.line;
	}

}

package dev.migrate.sql;

import dev.migrate.MigrateException;

/**
 * A script that cannot be split into statements: a string, identifier, dollar-quoted body,
 * comment, parenthesis or function body that is never closed, or a malformed
 * {@code DELIMITER} directive. The message names the construct and the line where it
 * starts; callers add the file or revision it comes from.
 */
public class SqlSyntaxException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final Kind kind;

	private final int line;

	SqlSyntaxException(Kind kind, int line, String message) {
		super(message);
		this.kind = kind;
		this.line = line;
	}

	/**
	 * Returns the construct at fault.
	 * @return the kind of problem
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the 1-based line of the script where the construct at fault starts.
	 * @return the line
	 */
	public int line() {
		return this.line;
	}

	/**
	 * The construct a {@link SqlSyntaxException} is about.
	 */
	public enum Kind {

		/** A quoted string that is never closed. */
		STRING,

		/** A quoted identifier that is never closed. */
		QUOTED_IDENTIFIER,

		/** A dollar-quoted string ({@code $$...$$} or {@code $tag$...$tag$}) that is never closed. */
		DOLLAR_QUOTE,

		/** A block comment that is never closed. */
		BLOCK_COMMENT,

		/** An opening parenthesis that is never closed. */
		PARENTHESIS,

		/** A {@code BEGIN ATOMIC} function or procedure body without its {@code END}. */
		ROUTINE_BODY,

		/** A {@code DELIMITER} directive that names no usable delimiter. */
		DELIMITER

	}

}

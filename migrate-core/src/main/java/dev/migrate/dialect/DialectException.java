package dev.migrate.dialect;

import dev.migrate.MigrateException;
import dev.migrate.ops.Operation;

/**
 * Thrown when a dialect cannot express an operation on its database: a partial index on
 * H2, an extension on MariaDB. The message names the operation and the dialect, and the
 * revision once the operation is known to come from one.
 */
public class DialectException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final transient Operation operation;

	private final String dialect;

	/**
	 * Creates an exception for an operation a dialect cannot render.
	 * @param dialect the dialect's name
	 * @param operation the operation
	 * @param reason why, and what to do instead
	 */
	public DialectException(String dialect, Operation operation, String reason) {
		this("The " + dialect + " dialect cannot render " + operation + ": " + reason, dialect, operation, null);
	}

	private DialectException(String message, String dialect, Operation operation, Throwable cause) {
		super(message, cause);
		this.dialect = dialect;
		this.operation = operation;
	}

	/** The operation that could not be rendered. */
	public Operation operation() {
		return this.operation;
	}

	/** The dialect's name. */
	public String dialect() {
		return this.dialect;
	}

	/**
	 * This exception with the revision the operation comes from named at the start of its message.
	 * @param revision a description of the revision: {@code revision 1975ea83b712 (class db.revisions.AddProducts)}
	 */
	public DialectException inRevision(String revision) {
		return new DialectException(capitalize(revision) + ": " + getMessage(), this.dialect, this.operation, this);
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}

package dev.migrate;

import dev.migrate.revision.Step.Direction;

/**
 * A revision failed while it ran: a statement the database refused, or an exception from
 * the revision's code. The message names the revision, its file or class (with the line
 * when known), the statement, the SQLState and the database's message, and says what was
 * rolled back.
 */
public class MigrationFailedException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String revision;

	private final Direction direction;

	private final String source;

	private final String statement;

	private final int line;

	private final String sqlState;

	private final String databaseMessage;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param revision the failing revision's id
	 * @param direction whether it was upgrading or downgrading
	 * @param source the revision's file or class, as {@link dev.migrate.revision.Revision#source()} names it
	 * @param statement the failing statement, or {@code null} when no statement failed
	 * @param line the statement's line in the file, or 0 when not known
	 * @param sqlState the SQLState the database reported, or {@code null}
	 * @param databaseMessage the database's error message, or {@code null}
	 * @param cause the original error
	 */
	public MigrationFailedException(String message, String revision, Direction direction, String source,
			String statement, int line, String sqlState, String databaseMessage, Throwable cause) {
		super(message, cause);
		this.revision = revision;
		this.direction = direction;
		this.source = source;
		this.statement = statement;
		this.line = line;
		this.sqlState = sqlState;
		this.databaseMessage = databaseMessage;
	}

	/** The id of the revision that failed. */
	public String revision() {
		return this.revision;
	}

	/** Whether the revision was being upgraded or downgraded. */
	public Direction direction() {
		return this.direction;
	}

	/** The revision's file (relative to its location) or class ({@code class a.b.C}). */
	public String source() {
		return this.source;
	}

	/** The statement that failed, in full, or {@code null} when the revision's code failed outside a statement. */
	public String statement() {
		return this.statement;
	}

	/** The line of the revision's file or class where the failing statement stands, or 0 when not known. */
	public int line() {
		return this.line;
	}

	/** The SQLState the database reported, or {@code null}. */
	public String sqlState() {
		return this.sqlState;
	}

	/** The database's error message, or {@code null}. */
	public String databaseMessage() {
		return this.databaseMessage;
	}

}

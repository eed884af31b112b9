package dev.migrate.runtime;

import java.sql.SQLException;

/**
 * A statement the database refused while a revision ran, carried out of the revision's
 * code to the step runner, which turns it into a {@link dev.migrate.MigrationFailedException}.
 */
final class StatementFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String statement;

	private final int line;

	private final String location;

	StatementFailure(String statement, int line, String location, SQLException cause) {
		super(cause.getMessage(), cause);
		this.statement = statement;
		this.line = line;
		this.location = location;
	}

	String statement() {
		return this.statement;
	}

	/** The statement's line in the revision's file or class, or 0. */
	int line() {
		return this.line;
	}

	/** Where the statement stands ({@code file:line}, or {@code Class.java:line}), or {@code null}. */
	String location() {
		return this.location;
	}

	SQLException sqlException() {
		return (SQLException) getCause();
	}

}

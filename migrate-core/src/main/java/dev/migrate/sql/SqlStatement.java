package dev.migrate.sql;

import java.util.Objects;

/**
 * One statement of a SQL script.
 *
 * @param sql the statement text from its first to its last token, without the delimiter
 * that ends it; comments between its tokens are kept
 * @param line the 1-based line of the script on which the statement starts
 */
public record SqlStatement(String sql, int line) {

	/**
	 * Creates a statement.
	 * @param sql the statement text
	 * @param line the 1-based line it starts on
	 */
	public SqlStatement {
		Objects.requireNonNull(sql, "sql must not be null");
		if (line < 1) {
			throw new IllegalArgumentException("line must be 1 or more, was " + line);
		}
	}

}

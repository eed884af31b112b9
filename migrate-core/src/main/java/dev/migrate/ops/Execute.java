package dev.migrate.ops;

/**
 * SQL given as text: one statement or a script of several, split with the dialect's rules.
 *
 * @param sql the SQL text
 */
public record Execute(String sql) implements Operation {

	public Execute {
		if (sql == null) {
			throw new IllegalArgumentException("sql must not be null");
		}
	}

}

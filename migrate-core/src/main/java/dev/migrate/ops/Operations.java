package dev.migrate.ops;

import dev.migrate.dialect.Dialect;

/**
 * What a revision does to the database, Alembic's {@code op} for Java. Each call records an
 * operation that runs online or renders into an offline script.
 */
public interface Operations {

	/**
	 * The dialect of the database the revision runs on, so that a revision can branch per
	 * database as Alembic revisions do.
	 */
	Dialect dialect();

	/**
	 * Executes SQL: one statement, or several separated by semicolons (split with the same
	 * rules as SQL revision files, so dollar-quoted bodies stay whole).
	 * @param sql the SQL text
	 */
	void execute(String sql);

}

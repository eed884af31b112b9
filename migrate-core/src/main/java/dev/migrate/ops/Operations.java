package dev.migrate.ops;

/**
 * What a revision does to the database, Alembic's {@code op} for Java. Each call records an
 * operation that runs online or renders into an offline script.
 */
public interface Operations {

	/**
	 * Executes SQL: one statement, or several separated by semicolons (split with the same
	 * rules as SQL revision files, so dollar-quoted bodies stay whole).
	 * @param sql the SQL text
	 */
	void execute(String sql);

}

package dev.migrate.ops;

import java.sql.Connection;

import dev.migrate.MigrateException;

/**
 * Receives each operation a revision records, in call order: the runtime executes it
 * (online), writes it into a script (offline) or collects it (dry run).
 */
@FunctionalInterface
public interface OperationSink {

	/**
	 * Handles one operation before the revision records the next.
	 * @param operation the operation
	 */
	void accept(Operation operation);

	/**
	 * The live connection the revision runs on, for work that needs the database itself
	 * (reading data in a data migration through {@link Operations#jdbc()}). Only an online
	 * run has one: offline scripts and dry runs refuse, naming the revision, and
	 * {@link Operations#isOffline()} is true there.
	 * @return the migration connection, inside the revision's transaction when it has one
	 * @throws MigrateException when this sink has no live database
	 */
	default Connection connection() {
		throw new MigrateException("This run renders SQL without a database connection: a revision that reads"
				+ " the database through JDBC can only run online");
	}

}

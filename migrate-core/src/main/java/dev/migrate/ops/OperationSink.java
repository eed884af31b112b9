package dev.migrate.ops;

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

}

package dev.migrate.ops;

import java.sql.Connection;
import java.util.Optional;

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
	 * The live connection the operations run on, which {@link Operations#jdbc()} hands to
	 * data migrations: present when executing online, empty (the default) when rendering an
	 * offline script or a dry run, where {@code jdbc()} then fails naming the revision.
	 */
	default Optional<Connection> connection() {
		return Optional.empty();
	}

}

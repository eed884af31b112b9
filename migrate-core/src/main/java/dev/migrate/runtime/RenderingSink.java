package dev.migrate.runtime;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.ops.Operation;
import dev.migrate.ops.OperationSink;
import dev.migrate.revision.Revision;

/**
 * Renders each operation of a revision into statements without executing anything, for
 * offline scripts and dry runs. Work that needs the live database is refused here, in
 * {@link #connection()}, naming the revision.
 */
final class RenderingSink implements OperationSink {

	private final Dialect dialect;

	private final Revision revision;

	private final String mode;

	private final List<String> statements = new ArrayList<>();

	/**
	 * @param mode what is being made, for the refusal: {@code "an offline script"}, {@code "a dry run"}
	 */
	RenderingSink(Dialect dialect, Revision revision, String mode) {
		this.dialect = dialect;
		this.revision = revision;
		this.mode = mode;
	}

	@Override
	public void accept(Operation operation) {
		this.statements.addAll(this.dialect.render(operation));
	}

	@Override
	public Connection connection() {
		throw new LiveDatabaseRequired("Revision " + this.revision.id() + " (" + this.revision.source()
				+ ") reads or writes the database through JDBC, which needs the live database: it cannot be rendered"
				+ " into " + this.mode + ". Run it online (without --sql), or split the data migration into a"
				+ " revision of its own and apply it online");
	}

	List<String> statements() {
		return this.statements;
	}

	/** A revision needs the live database where there is none. */
	static final class LiveDatabaseRequired extends MigrateException {

		private static final long serialVersionUID = 1L;

		LiveDatabaseRequired(String message) {
			super(message);
		}

	}

}

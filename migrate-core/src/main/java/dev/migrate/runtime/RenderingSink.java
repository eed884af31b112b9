package dev.migrate.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.ops.Operation;
import dev.migrate.ops.OperationSink;
import dev.migrate.revision.Revision;

/**
 * Renders each operation of a revision into statements without executing anything, for
 * offline scripts and dry runs. It has no connection, so work that needs the live database
 * ({@code op.jdbc()}) is refused, naming the revision.
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

	List<String> statements() {
		return this.statements;
	}

}

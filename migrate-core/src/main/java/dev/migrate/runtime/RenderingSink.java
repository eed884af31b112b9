package dev.migrate.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.ops.Operation;
import dev.migrate.ops.OperationSink;

/**
 * Renders each operation of a revision into statements without executing anything, for
 * offline scripts and dry runs. It has no connection, so work that needs the live database
 * ({@code op.jdbc()}) is refused, naming the revision.
 */
final class RenderingSink implements OperationSink {

	private final Dialect dialect;

	private final List<String> statements = new ArrayList<>();

	RenderingSink(Dialect dialect) {
		this.dialect = dialect;
	}

	@Override
	public void accept(Operation operation) {
		this.statements.addAll(this.dialect.render(operation));
	}

	List<String> statements() {
		return this.statements;
	}

}

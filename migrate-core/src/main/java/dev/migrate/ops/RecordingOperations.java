package dev.migrate.ops;

import dev.migrate.dialect.Dialect;

/**
 * The {@link Operations} a revision is handed: each call records an {@link Operation} and
 * passes it to a sink at once.
 */
public class RecordingOperations implements Operations {

	private final Dialect dialect;

	private final OperationSink sink;

	/**
	 * Creates operations for one revision run.
	 * @param dialect the dialect of the database the revision runs on
	 * @param sink where each recorded operation goes
	 */
	public RecordingOperations(Dialect dialect, OperationSink sink) {
		this.dialect = dialect;
		this.sink = sink;
	}

	@Override
	public Dialect dialect() {
		return this.dialect;
	}

	@Override
	public void execute(String sql) {
		record(new Execute(sql));
	}

	/** Hands an operation to the sink. */
	protected void record(Operation operation) {
		this.sink.accept(operation);
	}

}

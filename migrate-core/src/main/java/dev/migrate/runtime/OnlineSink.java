package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import dev.migrate.dialect.Dialect;
import dev.migrate.ops.Execute;
import dev.migrate.ops.Operation;
import dev.migrate.ops.OperationSink;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Step.Direction;
import dev.migrate.source.SqlMigration;
import dev.migrate.source.SqlSection;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;

/**
 * Executes each operation of a running revision at once, statement by statement, on the
 * migration connection. A refused statement becomes a {@link StatementFailure} that knows
 * the statement and, where it can be found, its line in the revision's file or class.
 */
final class OnlineSink implements OperationSink {

	private final Connection connection;

	private final Dialect dialect;

	private final Revision revision;

	private final Direction direction;

	private final int queryTimeoutSeconds;

	OnlineSink(Connection connection, Dialect dialect, Revision revision, Direction direction, int queryTimeoutSeconds) {
		this.connection = connection;
		this.dialect = dialect;
		this.revision = revision;
		this.direction = direction;
		this.queryTimeoutSeconds = queryTimeoutSeconds;
	}

	@Override
	public void accept(Operation operation) {
		List<String> statements = this.dialect.render(operation);
		for (int index = 0; index < statements.size(); index++) {
			String sql = statements.get(index);
			try (Statement statement = this.connection.createStatement()) {
				if (this.queryTimeoutSeconds > 0) {
					statement.setQueryTimeout(this.queryTimeoutSeconds);
				}
				statement.execute(sql);
			}
			catch (SQLException ex) {
				int line = line(operation, statements, index);
				String location = (line > 0) ? fileLocation(line) : javaLocation();
				throw new StatementFailure(sql, line, location, ex);
			}
		}
	}

	@Override
	public Optional<Connection> connection() {
		return Optional.of(this.connection);
	}

	/** The line in the SQL file of the statement at {@code index}, when the operation is the section being run. */
	private int line(Operation operation, List<String> statements, int index) {
		Optional<SqlSection> section = section();
		if (section.isEmpty() || !(operation instanceof Execute execute) || !execute.sql().equals(section.get().sql())) {
			return 0;
		}
		List<SqlStatement> split = SqlSplitter.split(execute.sql(), this.dialect.syntax());
		if (split.size() == statements.size()) {
			return section.get().line() + split.get(index).line() - 1;
		}
		for (SqlStatement statement : split) {
			if (statement.sql().equals(statements.get(index))) {
				return section.get().line() + statement.line() - 1;
			}
		}
		return 0;
	}

	private Optional<SqlSection> section() {
		if (this.revision.migration() instanceof SqlMigration sql) {
			return (this.direction == Direction.UPGRADE) ? Optional.of(sql.upgradeSection()) : sql.downgradeSection();
		}
		return Optional.empty();
	}

	private String fileLocation(int line) {
		return this.revision.source() + ":" + line;
	}

	/** Where the revision's class called the operation, found on the stack while the call is live. */
	private String javaLocation() {
		String source = this.revision.source();
		if (!source.startsWith("class ")) {
			return null;
		}
		String type = source.substring("class ".length());
		return StackWalker.getInstance()
			.walk((frames) -> frames
				.filter((frame) -> frame.getClassName().equals(type) || frame.getClassName().startsWith(type + "$"))
				.findFirst())
			.filter((frame) -> frame.getFileName() != null && frame.getLineNumber() > 0)
			.map((frame) -> frame.getFileName() + ":" + frame.getLineNumber())
			.orElse(null);
	}

}

package dev.migrate.runtime;

import java.sql.SQLException;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Step;

/** Turns what went wrong in a step into the message a person can act on. */
final class Failures {

	static final int STATEMENT_LENGTH = 200;

	private Failures() {
	}

	static MigrateException of(Step step, Exception ex, String outcome, String command) {
		Revision revision = step.revision();
		String statement = null;
		int line = 0;
		String location = null;
		SQLException sql = null;
		if (ex instanceof StatementFailure failure) {
			statement = failure.statement();
			line = failure.line();
			location = failure.location();
			sql = failure.sqlException();
		}
		else if (ex instanceof SQLException direct) {
			sql = direct;
		}
		StringBuilder message = new StringBuilder(title(step)).append(" failed");
		if (revision != null) {
			if (location != null && location.startsWith(revision.source())) {
				message.append(" at ").append(location);
			}
			else {
				message.append(" in ").append(revision.source());
				if (location != null) {
					message.append(" (").append(location).append(')');
				}
			}
		}
		message.append('\n');
		if (statement != null) {
			message.append("  statement: ").append(trim(statement, STATEMENT_LENGTH)).append('\n');
		}
		if (sql != null) {
			message.append("  error: SQLState ").append(sql.getSQLState()).append(": ").append(sql.getMessage().strip().replace("\n", "\n    "))
				.append('\n');
		}
		else {
			message.append("  error: ").append(describe(ex)).append('\n');
		}
		message.append(outcome).append(". Fix the revision, then run the ").append(command).append(" again.");
		if (revision == null) {
			return new MigrateException(message.toString(), ex);
		}
		return new MigrationFailedException(message.toString(), revision.id(), step.direction(), revision.source(),
				statement, line, (sql != null) ? sql.getSQLState() : null, (sql != null) ? sql.getMessage() : null,
				(ex instanceof StatementFailure) ? sql : ex);
	}

	/** {@code Upgrade 27c6a30d7c24 -> 1975ea83b712 (add products table)}. */
	static String title(Step step) {
		String name = step.isStamp() ? "Stamp" : step.isUpgrade() ? "Upgrade" : "Downgrade";
		String text = name + " " + describe(step.fromRevisions()) + " -> " + describe(step.toRevisions());
		Revision revision = step.revision();
		return (revision != null && !revision.message().isEmpty()) ? text + " (" + revision.message() + ")" : text;
	}

	private static String describe(Exception ex) {
		if (ex instanceof MigrateException) {
			return ex.getMessage();
		}
		return ex.getClass().getName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	/** Heads as messages show them: {@code base} for none. */
	static String describe(List<String> heads) {
		return heads.isEmpty() ? "base" : String.join(", ", heads);
	}

	/** The text on one line, cut to about {@code length} characters. */
	static String trim(String text, int length) {
		String collapsed = text.strip().replaceAll("\\s+", " ");
		return (collapsed.length() <= length) ? collapsed : collapsed.substring(0, length - 3) + "...";
	}

}

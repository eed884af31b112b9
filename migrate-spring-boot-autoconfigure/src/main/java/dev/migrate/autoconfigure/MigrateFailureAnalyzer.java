package dev.migrate.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrate.LockTimeoutException;
import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.revision.RevisionException;
import dev.migrate.source.RevisionSourceException;

/**
 * Turns a {@link MigrateException} that stops the application into a report a person can
 * act on: which migrator failed and why (the revision, statement and database error the
 * engine names), and what to do, instead of a wall of stack trace.
 */
final class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
		if (cause instanceof MigrateStartupException startup) {
			MigrateException failure = startup.getCause();
			String description = "Migrator '" + startup.getMigratorName() + "' failed on startup:" + System.lineSeparator()
					+ System.lineSeparator() + indent(failure.getMessage());
			return new FailureAnalysis(description, action(failure), cause);
		}
		String description = "migrate could not be configured:" + System.lineSeparator() + System.lineSeparator()
				+ indent(cause.getMessage());
		return new FailureAnalysis(description, action(cause), cause);
	}

	private static String action(MigrateException failure) {
		String leaveAlone = " To start the application without touching its database, set migrate.on-startup=none.";
		if (failure instanceof MigrationFailedException failed) {
			String direction = (failed.direction() != null) ? failed.direction().name().toLowerCase(Locale.ROOT)
					: "run";
			return "Fix revision " + failed.revision() + where(failed) + " or the database, then start the application"
					+ " again: the " + direction
					+ " resumes from the revisions the database is at." + leaveAlone;
		}
		if (failure instanceof LockTimeoutException) {
			return "Another run holds the migration lock, as described above. Let it finish, then start the"
					+ " application again; raise migrate.lock-timeout if runs take longer than it allows.";
		}
		if (failure instanceof RevisionException || failure instanceof RevisionSourceException) {
			return "Fix the revisions as described above (they are found under migrate.locations and among the"
					+ " Migration beans annotated @Revision), then start the application again.";
		}
		return "Fix the problem described above, then start the application again. With"
				+ " migrate.on-startup=validate, upgrade the database first or set migrate.on-startup=upgrade."
				+ leaveAlone;
	}

	private static String where(MigrationFailedException failed) {
		String source = failed.source();
		if (source == null) {
			return "";
		}
		String line = ":" + failed.line();
		return " (" + source + ((failed.line() > 0 && !source.endsWith(line)) ? line : "") + ")";
	}

	private static String indent(@Nullable String message) {
		if (message == null) {
			return "    (no message)";
		}
		return "    " + message.strip().replace("\n", System.lineSeparator() + "    ");
	}

}

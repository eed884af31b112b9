package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.migrate.revision.Revision;

/**
 * The lock and statement timeouts of revisions' statements: a revision's own, else the
 * migrator's. On PostgreSQL they become {@code lock_timeout} and {@code statement_timeout}:
 * {@code SET LOCAL} inside a transaction (gone at its end), a session {@code SET} restored
 * afterwards for a revision that runs in auto-commit. Elsewhere the statement timeout is
 * JDBC's query timeout and the lock timeout is not applied.
 */
final class Timeouts {

	private final Settings settings;

	private final boolean postgres;

	private boolean localSet;

	Timeouts(Settings settings, boolean postgres) {
		this.settings = settings;
		this.postgres = postgres;
	}

	Duration lockTimeout(Revision revision) {
		return (revision != null && revision.lockTimeout() != null) ? revision.lockTimeout()
				: this.settings.statementLockTimeout();
	}

	Duration statementTimeout(Revision revision) {
		return (revision != null && revision.statementTimeout() != null) ? revision.statementTimeout()
				: this.settings.statementTimeout();
	}

	/** The JDBC query timeout for the revision's statements, in seconds; 0 for none (and always on PostgreSQL). */
	int queryTimeoutSeconds(Revision revision) {
		Duration timeout = statementTimeout(revision);
		if (this.postgres || timeout == null || timeout.isZero()) {
			return 0;
		}
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (timeout.toMillis() + 999) / 1000));
	}

	/**
	 * Sets the revision's timeouts for the rest of the current transaction, resetting those an
	 * earlier revision of the same transaction set.
	 */
	void setLocal(Connection connection, Revision revision) throws SQLException {
		if (!this.postgres) {
			return;
		}
		Duration lock = lockTimeout(revision);
		Duration statement = statementTimeout(revision);
		if (lock == null && statement == null && !this.localSet) {
			return;
		}
		try (Statement set = connection.createStatement()) {
			set.execute("SET LOCAL lock_timeout " + value(lock));
			set.execute("SET LOCAL statement_timeout " + value(statement));
		}
		this.localSet = lock != null || statement != null;
	}

	/** The transaction ended: what {@code SET LOCAL} set is gone. */
	void transactionEnded() {
		this.localSet = false;
	}

	/**
	 * Sets the revision's timeouts on the session, for a revision that runs in auto-commit.
	 * @return what restores the previous values, to run when the revision is done
	 */
	Restore setSession(Connection connection, Revision revision) throws SQLException {
		Duration lock = lockTimeout(revision);
		Duration statement = statementTimeout(revision);
		if (!this.postgres || (lock == null && statement == null)) {
			return () -> {
			};
		}
		String previousLock;
		String previousStatement;
		try (Statement query = connection.createStatement();
				ResultSet result = query
					.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
			result.next();
			previousLock = result.getString(1);
			previousStatement = result.getString(2);
		}
		try (Statement set = connection.createStatement()) {
			set.execute("SET lock_timeout " + value(lock));
			set.execute("SET statement_timeout " + value(statement));
		}
		return () -> {
			try (PreparedStatement restore = connection.prepareStatement(
					"SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)")) {
				restore.setString(1, previousLock);
				restore.setString(2, previousStatement);
				restore.executeQuery().close();
			}
		};
	}

	private static String value(Duration timeout) {
		return (timeout != null) ? "= " + timeout.toMillis() : "TO DEFAULT";
	}

	/** Puts back what {@link #setSession} changed. */
	@FunctionalInterface
	interface Restore {

		void run() throws SQLException;

	}

}

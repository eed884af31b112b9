package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.TransactionMode;
import dev.migrate.lock.MigrationLock;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.revision.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Step;
import dev.migrate.version.HistoryRecord;

/**
 * Runs a plan's steps on the migration connection, the lock held. Each step runs its
 * revision, moves the version rows and appends a history row in one transaction (or, with
 * {@link TransactionMode#ALL} on a database with transactional DDL, in the run's one
 * transaction); a non-transactional revision runs in auto-commit and its version rows are
 * written afterwards. A failure rolls back, records a failed history row in a transaction
 * of its own and throws a {@link dev.migrate.MigrationFailedException}.
 */
final class StepRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRuntime.class);

	private final Session session;

	private final Connection connection;

	private final Events events;

	private final MigrationLock lock;

	private final List<String> unknown;

	private final Timeouts timeouts;

	private final boolean group;

	private final String command;

	private List<String> heads;

	private List<String> committedHeads;

	private boolean inTransaction;

	private int stepsInTransaction;

	/**
	 * @param unknown heads the run leaves alone (unknown revisions, ignored); they stay in the
	 * history's heads
	 */
	StepRunner(Session session, Settings settings, Events events, MigrationLock lock, List<String> unknown,
			String command) {
		this.session = session;
		this.connection = session.connection;
		this.events = events;
		this.lock = lock;
		this.unknown = unknown;
		this.command = command;
		this.timeouts = new Timeouts(settings, session.dialect.name().equals("postgresql"));
		this.group = settings.transactionMode() == TransactionMode.ALL && session.dialect.transactionalDdl();
	}

	void run(Plan plan) {
		this.heads = withUnknown(plan.currentHeads());
		this.committedHeads = this.heads;
		for (Step step : plan.steps()) {
			this.lock.checkHeld();
			step(step);
		}
		if (this.inTransaction) {
			try {
				commit();
			}
			catch (SQLException ex) {
				this.session.rollbackQuietly();
				throw new MigrateException("Committing the run's transaction failed: " + ex.getMessage() + " [SQLState "
						+ ex.getSQLState() + "]; nothing of this run was applied", ex);
			}
		}
	}

	private void step(Step step) {
		Revision revision = step.revision();
		boolean transactional = revision == null || revision.isTransactional();
		List<String> after = withUnknown(step.headsAfter());
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		this.events.stepStarted(step);
		logger.info("Running {}", step);
		try {
			if (transactional) {
				begin();
				this.stepsInTransaction++;
				this.timeouts.setLocal(this.connection, revision);
				migrate(step);
				record(step, after, startedAt, start);
				if (!this.group) {
					commit();
				}
			}
			else {
				if (this.inTransaction) {
					commit();
				}
				Timeouts.Restore restore = this.timeouts.setSession(this.connection, revision);
				try {
					migrate(step);
				}
				finally {
					restore.run();
				}
				begin();
				record(step, after, startedAt, start);
				commit();
			}
		}
		catch (SQLException | RuntimeException ex) {
			throw fail(step, transactional, ex, startedAt, start);
		}
		this.heads = after;
		if (!this.inTransaction) {
			this.committedHeads = after;
		}
		this.events.stepFinished(step, Duration.ofNanos(System.nanoTime() - start));
	}

	private void migrate(Step step) {
		Revision revision = step.revision();
		if (revision == null || revision.migration() == null) {
			return;
		}
		Migration migration = revision.migration();
		RecordingOperations operations = new RecordingOperations(this.session.dialect, new OnlineSink(this.connection,
				this.session.dialect, revision, step.direction(), this.timeouts.queryTimeoutSeconds(revision)), revision);
		if (step.isUpgrade()) {
			migration.upgrade(operations);
		}
		else {
			migration.downgrade(operations);
		}
	}

	private void record(Step step, List<String> after, Instant startedAt, long start) {
		this.session.store.record(this.connection, step.versionChanges(),
				history(step, this.heads, after, startedAt, start, true));
	}

	private HistoryRecord history(Step step, List<String> from, List<String> to, Instant startedAt, long start,
			boolean success) {
		Revision revision = step.revision();
		return new HistoryRecord((revision != null) ? revision.id() : null, operation(step), from, to,
				(revision != null) ? revision.message() : null, (revision != null) ? revision.checksum() : null,
				this.session.installedBy(), startedAt, (System.nanoTime() - start) / 1_000_000, success);
	}

	/** {@code stamp} for stamp steps, else the step's direction. */
	static String operation(Step step) {
		return step.isStamp() ? "stamp" : step.direction().toString();
	}

	private void begin() throws SQLException {
		if (!this.inTransaction) {
			this.connection.setAutoCommit(false);
			this.inTransaction = true;
			this.stepsInTransaction = 0;
		}
	}

	private void commit() throws SQLException {
		this.connection.commit();
		this.connection.setAutoCommit(true);
		this.inTransaction = false;
		this.timeouts.transactionEnded();
		this.committedHeads = this.heads;
	}

	private MigrateException fail(Step step, boolean transactional, Exception ex, Instant startedAt, long start) {
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		boolean wasInTransaction = this.inTransaction;
		int undone = wasInTransaction ? this.stepsInTransaction - 1 : 0;
		this.session.rollbackQuietly();
		try {
			this.connection.setAutoCommit(true);
		}
		catch (SQLException rollbackFailure) {
			ex.addSuppressed(rollbackFailure);
		}
		this.inTransaction = false;
		this.timeouts.transactionEnded();
		this.heads = this.committedHeads;
		String outcome = outcome(transactional, wasInTransaction, undone);
		MigrateException error = Failures.of(step, ex, outcome, this.command);
		try {
			begin();
			this.session.store.append(this.connection,
					history(step, this.committedHeads, this.committedHeads, startedAt, start, false));
			commit();
		}
		catch (SQLException | RuntimeException historyFailure) {
			this.session.rollbackQuietly();
			logger.warn("Could not record the failure of {} in the history table: {}", step, historyFailure.getMessage());
			error.addSuppressed(historyFailure);
		}
		this.events.stepFailed(step, took, error);
		return error;
	}

	/** What the failure left, for the message. */
	private String outcome(boolean transactional, boolean wasInTransaction, int undone) {
		String stays = "the database stays at " + Failures.describe(this.committedHeads);
		if (!transactional) {
			return "The revision runs outside a transaction (it is not transactional): its statements before the"
					+ " failing one stay applied, and the version table stays at " + Failures.describe(this.committedHeads)
					+ ". Make the revision safe to run again (IF NOT EXISTS, IF EXISTS) or undo them by hand";
		}
		if (this.group && undone > 0) {
			return "The run's one transaction (transaction mode ALL) was rolled back, undoing this revision and the "
					+ undone + " applied before it in this run; " + stays;
		}
		if (!this.session.dialect.transactionalDdl()) {
			return "Its transaction was rolled back, but " + this.session.dialect.name()
					+ " commits each DDL statement as it runs: DDL statements of this revision before the failing one"
					+ " may remain and need undoing by hand. The version table stays at "
					+ Failures.describe(this.committedHeads);
		}
		return "The revision was rolled back; " + stays;
	}

	private List<String> withUnknown(List<String> heads) {
		if (this.unknown.isEmpty()) {
			return heads;
		}
		List<String> result = new ArrayList<>(heads);
		result.addAll(this.unknown);
		return result;
	}

}

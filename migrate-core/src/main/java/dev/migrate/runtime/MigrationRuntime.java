package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.DryRun;
import dev.migrate.DryRun.PlannedStep;
import dev.migrate.MigrateException;
import dev.migrate.RunResult;
import dev.migrate.TransactionMode;
import dev.migrate.dialect.Dialect;
import dev.migrate.info.HistoryEntry;
import dev.migrate.info.MigrationInfo;
import dev.migrate.info.RevisionInfo;
import dev.migrate.info.RevisionState;
import dev.migrate.lock.Locks;
import dev.migrate.lock.MigrationLock;
import dev.migrate.revision.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import dev.migrate.revision.Step;
import dev.migrate.revision.Step.Direction;
import dev.migrate.revision.Traversal;
import dev.migrate.version.VersionRows;
import dev.migrate.version.VersionStore;

/**
 * The commands behind {@link dev.migrate.Migrator}: each takes one connection, and the
 * write commands run under the migration lock. Internal to the engine; use {@code Migrator}.
 */
public final class MigrationRuntime {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRuntime.class);

	private static final String UPGRADE = "upgrade";

	private static final String DOWNGRADE = "downgrade";

	private static final String STAMP = "stamp";

	private final Settings settings;

	private final Revisions revisions;

	private final Events events;

	/**
	 * A runtime whose graph is asked for only once a command needs it, after its connection
	 * is open: the graph may still be loading, and an upgrade at the heads of unchanged
	 * revisions does not ask for it.
	 */
	public MigrationRuntime(Settings settings, Revisions revisions) {
		this.settings = settings;
		this.revisions = revisions;
		this.events = new Events(settings.listeners());
	}

	private RevisionGraph graph() {
		return this.revisions.graph();
	}

	// ---------------------------------------------------------------- reading

	/** The heads in the version table, in graph order; creates nothing. */
	public List<String> current() {
		try (Session session = Session.open(this.settings)) {
			return sort(session.store.heads(session.connection));
		}
	}

	/** The history table's rows, oldest first; creates nothing. */
	public List<HistoryEntry> history() {
		try (Session session = Session.open(this.settings)) {
			return session.store.history(session.connection);
		}
	}

	/** Every revision with its state; creates nothing. Asks whether both tables exist in one statement. */
	public MigrationInfo info() {
		this.revisions.prefetch();
		List<String> current;
		List<HistoryEntry> history;
		try (Session session = Session.open(this.settings)) {
			VersionStore store = session.store;
			boolean[] exist = store.tablesExist(session.connection, store.tables().table(),
					store.tables().historyTable());
			current = (exist[0]) ? sort(store.readHeads(session.connection)) : List.of();
			history = (exist[1]) ? store.readHistory(session.connection) : List.of();
		}
		return info(current, history);
	}

	MigrationInfo info(List<String> current, List<HistoryEntry> history) {
		Heads heads = split(current);
		Map<String, HistoryEntry> lastRuns = new HashMap<>();
		for (HistoryEntry entry : history) {
			if (entry.revision() != null) {
				lastRuns.put(entry.revision(), entry);
			}
		}
		Set<String> applied = new HashSet<>();
		if (!heads.known().isEmpty()) {
			for (Revision revision : graph().iterate(heads.known(), List.of(),
					Traversal.DEFAULT.assertRelativeLength(false))) {
				applied.add(revision.id());
			}
			applied.addAll(heads.known());
		}
		List<RevisionInfo> revisions = new ArrayList<>();
		List<RevisionInfo> pending = new ArrayList<>();
		if (!graph().isEmpty()) {
			Map<String, RevisionInfo> byId = new LinkedHashMap<>();
			for (Revision revision : graph().walk("base", "heads")) {
				RevisionState state = heads.known().contains(revision.id()) ? RevisionState.CURRENT
						: applied.contains(revision.id()) ? RevisionState.APPLIED : RevisionState.PENDING;
				RevisionInfo info = new RevisionInfo(revision.id(), revision, state, lastRuns.get(revision.id()));
				byId.put(revision.id(), info);
				revisions.add(info);
			}
			if (!(heads.known().isEmpty() && !heads.unknown().isEmpty())) {
				for (Step step : graph().upgrade(heads.known(), "heads").steps()) {
					pending.add(byId.get(step.revision().id()));
				}
			}
		}
		for (String id : heads.unknown()) {
			revisions.add(new RevisionInfo(id, null, RevisionState.UNKNOWN, lastRuns.get(id)));
		}
		return new MigrationInfo(current, graph().heads(), revisions, pending);
	}

	/**
	 * Checks that the database is at the heads.
	 * @throws MigrateException naming the pending and unknown revisions when it is not
	 */
	public void check() {
		MigrationInfo info = info();
		if (info.isUpToDate()) {
			return;
		}
		StringBuilder message = new StringBuilder("The database is not up to date: it is at ")
			.append(Failures.describe(info.currentHeads()))
			.append(", the revisions' heads are ")
			.append(Failures.describe(info.heads()));
		if (!info.pending().isEmpty()) {
			message.append("; ").append(info.pending().size()).append(" pending: ").append(ids(info.pending()));
		}
		if (!info.unknown().isEmpty()) {
			message.append("; unknown to these revisions: ").append(ids(info.unknown()))
				.append(" (a newer build migrated the database, or revisions are missing from the locations)");
		}
		message.append(info.unknown().isEmpty() ? ". Run 'upgrade heads'" : ". Run the build that has the unknown revisions");
		throw new MigrateException(message.toString());
	}

	private static String ids(List<RevisionInfo> infos) {
		return String.join(", ", infos.stream().map(RevisionInfo::id).toList());
	}

	// ---------------------------------------------------------------- writing

	public RunResult upgrade(String target) {
		return write(UPGRADE, target, null, false);
	}

	public RunResult downgrade(String target) {
		return write(DOWNGRADE, target, null, false);
	}

	public RunResult stamp(List<String> revisions, boolean purge) {
		return write(STAMP, String.join(",", revisions), revisions, purge);
	}

	/**
	 * One write command under the lock. Its statements on a database at the target: the
	 * lock's first try (which also asks whether the version table exists), the heads, the
	 * release; nothing is created, and no event is built without listeners.
	 *
	 * <p>An upgrade to the heads with a fingerprint of the revisions first reads, without the
	 * lock, the version rows and the heads recorded for each fingerprint (two statements). A
	 * database at the heads recorded for the revisions' fingerprint needs nothing from
	 * revisions that a run loaded, validated and brought it there with: the command ends
	 * without loading them or taking the lock, as a run that takes the lock and finds nothing
	 * to do would end. Otherwise the command goes on as any other, and when it ends at the
	 * heads of the revisions it loaded it records their fingerprint (the fingerprint table is
	 * created then, and written to, unless it already held that).
	 * @param stamped the revisions a stamp goes to, else {@code null}
	 */
	private RunResult write(String command, String target, List<String> stamped, boolean purge) {
		long start = System.nanoTime();
		boolean toHeads = command.equals(UPGRADE) && (target.equals("heads") || target.equals("head"));
		if (!toHeads) {
			this.revisions.prefetch();
		}
		this.events.runStarted(command, target);
		RunResult result = null;
		Throwable failure = null;
		try (Session session = Session.open(this.settings)) {
			// The recorded heads are read while the fingerprint's thread may still be listing the
			// files (it began while the connection opened), else once there is a fingerprint to
			// read them for. The graph loaded on that thread when there is none, and a revision
			// that does not load fails the command below, before the lock is taken.
			boolean readFirst = toHeads && this.revisions.expectsFingerprint();
			VersionRows read = (readFirst) ? session.store.recordedRows(session.connection) : VersionRows.NONE;
			String fingerprint = (toHeads) ? this.revisions.fingerprint() : null;
			if (!readFirst && fingerprint != null) {
				read = session.store.recordedRows(session.connection);
			}
			List<String> recorded = read.recorded(fingerprint);
			if (read.atRecordedHeads(fingerprint) && (target.equals("heads") || recorded.size() == 1)) {
				this.revisions.unchanged();
				logger.info("Nothing to {}: the database is at {}, the heads of these revision files, which are"
						+ " unchanged since a run recorded them", command, Failures.describe(recorded));
				result = new RunResult(recorded, recorded, List.of(), Duration.ofNanos(System.nanoTime() - start));
				return result;
			}
			graph();
			logger.info("Context impl {}.", session.dialect.name());
			logger.info("Will assume {}transactional DDL.", session.dialect.transactionalDdl() ? "" : "non-");
			MigrationLock lock = Locks.create(this.settings.lockMode(), session.dialect, session.connection,
					this.settings.dataSource(), session.store);
			Duration waited = lock.acquire(this.settings.lockTimeout(), this.events.lockWaiting(lock));
			try {
				this.events.lockAcquired(lock, waited);
				List<String> rows = session.store.headsIfExists(session.connection, lock.versionTableSeen());
				Heads heads = split(sort((rows != null) ? rows : List.of()));
				Plan plan = plan(command, heads, purge, target, stamped);
				// only now that the command is known to be valid: bad input changes nothing
				if (rows == null) {
					session.store.createVersionTable(session.connection);
				}
				List<String> unknown = (purge) ? List.of() : heads.unknown();
				if (!plan.isEmpty()) {
					session.store.createHistoryTable(session.connection);
					new StepRunner(session, this.settings, this.events, lock, unknown, command).run(plan);
				}
				List<String> after = new ArrayList<>(plan.resultingHeads());
				after.addAll(unknown);
				if (plan.isEmpty()) {
					logger.info("Nothing to {}: the database is at {}", command, Failures.describe(heads.all()));
				}
				if (toHeads && unknown.isEmpty() && !after.isEmpty() && VersionRows.sameHeads(after, graph().heads())) {
					record(session, read, after);
				}
				result = new RunResult(heads.all(), after, plan.steps(), Duration.ofNanos(System.nanoTime() - start));
				return result;
			}
			finally {
				session.autoCommit();
				lock.release();
			}
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			this.events.runFinished(command, target, result, Duration.ofNanos(System.nanoTime() - start), failure);
		}
	}

	/**
	 * Records the fingerprint of the files the graph was loaded from with the heads a run
	 * left the database at (the graph's), unless the run found them recorded for it or the
	 * files changed since the graph loaded.
	 * @param read what the run read before it took the lock
	 */
	private void record(Session session, VersionRows read, List<String> heads) {
		String loaded = this.revisions.loadedFingerprint();
		List<String> recorded = read.recorded(loaded);
		if (loaded == null || (recorded != null && VersionRows.sameHeads(heads, recorded))) {
			return;
		}
		session.autoCommit();
		session.store.recordFingerprint(session.connection, loaded, graph().heads());
	}

	/** The plan from the known heads, refusing heads the revisions do not know unless told to ignore them. */
	private Plan plan(String command, Heads heads, boolean purge, String target, List<String> stamped) {
		if (purge) {
			return planFrom(command, heads.all(), target, stamped, true);
		}
		if (!heads.unknown().isEmpty()) {
			if (!this.settings.ignoreUnknownRevisions()) {
				throw new MigrateException("The database is at " + plural(heads.unknown()) + " "
						+ String.join(", ", heads.unknown()) + " that the loaded revisions do not know: a newer build"
						+ " migrated it, or revisions are missing from the configured locations. Refusing to " + command
						+ "; run the build that has " + (heads.unknown().size() == 1 ? "it" : "them")
						+ (command.equals(STAMP) ? ", stamp with purge to replace every row" : "")
						+ ", or set ignoreUnknownRevisions to work from the known heads ("
						+ Failures.describe(heads.known()) + ") and leave the unknown rows alone");
			}
			if (heads.known().isEmpty()) {
				logger.warn("The database is at {} {}, unknown to the loaded revisions; ignoring {} as configured:"
						+ " nothing to {}", plural(heads.unknown()), String.join(", ", heads.unknown()),
						(heads.unknown().size() == 1) ? "it" : "them", command);
				return new Plan(List.of(), List.of(), List.of());
			}
			logger.warn("Ignoring {} {}, unknown to the loaded revisions, as configured; planning from {}",
					plural(heads.unknown()), String.join(", ", heads.unknown()), String.join(", ", heads.known()));
		}
		return planFrom(command, heads.known(), target, stamped, false);
	}

	private Plan planFrom(String command, List<String> from, String target, List<String> stamped, boolean purge) {
		return switch (command) {
			case UPGRADE -> graph().upgrade(from, target);
			case DOWNGRADE -> graph().downgrade(from, target);
			default -> graph().stamp(from, stamped, purge);
		};
	}

	private static String plural(List<String> ids) {
		return (ids.size() == 1) ? "revision" : "revisions";
	}

	// ---------------------------------------------------------------- dry runs and offline scripts

	/** What upgrading or downgrading to a target would do, with the SQL; changes nothing. */
	public DryRun plan(Direction direction, String target) {
		this.revisions.prefetch();
		try (Session session = Session.open(this.settings)) {
			Heads heads = split(sort(session.store.heads(session.connection)));
			Plan plan = plan(direction.toString(), heads, false, target, null);
			List<PlannedStep> steps = new ArrayList<>();
			for (Step step : plan.steps()) {
				steps.add(new PlannedStep(step, ScriptWriter.renderForDryRun(session.dialect, step),
						session.store.changeScript(step.versionChanges())));
			}
			List<String> after = new ArrayList<>(plan.resultingHeads());
			after.addAll(heads.unknown());
			return new DryRun(heads.all(), steps, after);
		}
	}

	/**
	 * An offline script for a range: {@code [from:]to}, starting at {@code base} when
	 * {@code from} is left out (upgrades only).
	 */
	public String sql(Direction direction, String range) {
		String start = null;
		String end = range.strip();
		int colon = end.indexOf(':');
		if (colon >= 0) {
			start = end.substring(0, colon).strip();
			end = end.substring(colon + 1).strip();
		}
		else if (direction == Direction.DOWNGRADE) {
			throw new MigrateException("A downgrade rendered as SQL needs a range <from>:<to>, such as heads:base or "
					+ "1975ea83b712:27c6a30d7c24, since there is no database to read the current revision from; got '"
					+ range + "'");
		}
		List<String> startHeads = startHeads(start);
		Plan plan = (direction == Direction.UPGRADE) ? graph().upgrade(startHeads, end)
				: graph().downgrade(startHeads, end);
		return script(direction + " " + ((start != null) ? start : "base") + ":" + end, plan);
	}

	/**
	 * An offline script that stamps the version table; each revision may be written
	 * {@code from:to} to say where the database starts (one starting revision for all).
	 */
	public String stampSql(List<String> revisions) {
		String start = null;
		List<String> destinations = new ArrayList<>();
		for (String revision : revisions) {
			int colon = revision.indexOf(':');
			if (colon < 0) {
				destinations.add(revision.strip());
				continue;
			}
			String from = revision.substring(0, colon).strip();
			if (start != null && !start.equals(from)) {
				throw new MigrateException("A stamp rendered as SQL starts from one revision, not from both " + start
						+ " and " + from + ": write the same starting revision before each ':'");
			}
			start = from;
			destinations.add(revision.substring(colon + 1).strip());
		}
		Plan plan = graph().stamp(startHeads(start), destinations, false);
		return script("stamp " + ((start != null) ? start + ":" : "") + String.join(",", destinations), plan);
	}

	private String script(String title, Plan plan) {
		Dialect dialect = offlineDialect();
		VersionStore store = new VersionStore(dialect, this.settings.tables());
		boolean group = this.settings.transactionMode() == TransactionMode.ALL && dialect.transactionalDdl();
		return new ScriptWriter(dialect, store, group).write(title + ", rendered by migrate for " + dialect.name(), plan);
	}

	private List<String> startHeads(String start) {
		if (start == null || start.isEmpty() || start.equals("base")) {
			return List.of();
		}
		List<String> heads = new ArrayList<>();
		for (String part : start.split(",")) {
			for (Revision revision : graph().revisions(part.strip())) {
				heads.add(revision.id());
			}
		}
		return heads;
	}

	private Dialect offlineDialect() {
		if (this.settings.dialect() != null) {
			return this.settings.dialect();
		}
		if (this.settings.url() != null) {
			return Dialect.forUrl(this.settings.url());
		}
		if (this.settings.dataSource() != null) {
			try (Connection connection = this.settings.dataSource().getConnection()) {
				return Dialect.forConnection(connection);
			}
			catch (SQLException ex) {
				throw new MigrateException("Could not connect to the database to learn its dialect: " + ex.getMessage()
						+ ". Set the dialect to render offline scripts without a database", ex);
			}
		}
		throw new MigrateException("No database to render SQL for: set the dialect (postgresql, h2, mariadb) or a"
				+ " JDBC URL");
	}

	// ---------------------------------------------------------------- heads

	private List<String> sort(List<String> heads) {
		List<String> sorted = new ArrayList<>(heads);
		if (sorted.size() > 1) {
			RevisionGraph graph = graph();
			sorted.sort(Comparator.comparingInt(graph::indexOf).thenComparing(Comparator.naturalOrder()));
		}
		return sorted;
	}

	private Heads split(List<String> all) {
		List<String> known = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String head : all) {
			(graph().get(head) != null ? known : unknown).add(head);
		}
		return new Heads(all, known, unknown);
	}

	/** The version table's rows, split into revisions the graph knows and those it does not. */
	private record Heads(List<String> all, List<String> known, List<String> unknown) {
	}

}

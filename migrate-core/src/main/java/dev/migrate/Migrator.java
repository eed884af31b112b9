package dev.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrate.dialect.Dialect;
import dev.migrate.event.MigrationListener;
import dev.migrate.info.HistoryEntry;
import dev.migrate.info.MigrationInfo;
import dev.migrate.info.RevisionInfo;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import dev.migrate.revision.Step.Direction;
import dev.migrate.runtime.MigrationRuntime;
import dev.migrate.runtime.Settings;
import dev.migrate.source.Fingerprint;
import dev.migrate.source.Location;
import dev.migrate.source.RevisionLoader;
import dev.migrate.source.RevisionSource;
import dev.migrate.version.VersionTables;

/**
 * The one facade of the engine: upgrades, downgrades and stamps a database, and reports
 * where it stands. Build one with {@link #builder()}; it is safe to share.
 */
public final class Migrator {

	/** The version table's default name, Alembic's {@code alembic_version} renamed. */
	public static final String DEFAULT_TABLE = "migrate_version";

	/** The history table's default name. */
	public static final String DEFAULT_HISTORY_TABLE = "migrate_history";

	/** The default revision location. */
	public static final String DEFAULT_LOCATION = "classpath:db/revisions";

	/** How long a run waits for another instance's lock by default. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	private final Settings settings;

	private final GraphLoading graph;

	private final MigrationRuntime runtime;

	private Migrator(Builder builder) {
		builder.validate();
		DataSource dataSource = (builder.dataSource != null) ? builder.dataSource
				: (builder.url != null) ? new UrlDataSource(builder.url, builder.user, builder.password) : null;
		this.settings = new Settings(dataSource, builder.url, builder.dialect,
				new VersionTables(builder.schema, builder.table, builder.historyTable), builder.lockTimeout,
				builder.lockMode, builder.transactionMode, builder.statementTimeout, builder.statementLockTimeout,
				builder.ignoreUnknownRevisions, builder.listeners);
		RevisionInputs inputs = builder.inputs();
		this.graph = GraphLoading.start(inputs.fingerprinting(builder.skipUnchangedRevisions), inputs.loading());
		this.runtime = new MigrationRuntime(this.settings, this.graph);
	}

	/** Starts a migrator's configuration. */
	public static Builder builder() {
		return new Builder();
	}

	/** The loaded revisions. */
	public RevisionGraph graph() {
		return this.graph.graph();
	}

	/**
	 * Checks that the revisions load and form a valid graph, as {@link #graph()} does, but
	 * returns at once when a command of this migrator found the database at the heads
	 * recorded for the revisions' fingerprint: the revision files are then the ones a run
	 * loaded and validated (see {@link Builder#skipUnchangedRevisions(boolean)}).
	 * @throws MigrateException naming the file or revision that does not load
	 */
	public void validate() {
		if (!this.graph.isUnchanged()) {
			this.graph.graph();
		}
	}

	/** The heads of the loaded revisions, what {@code upgrade("heads")} goes to. */
	public List<String> heads() {
		return this.graph.graph().heads();
	}

	/** The heads recorded in the version table; empty when it does not exist. Creates nothing. */
	public List<String> current() {
		return this.runtime.current();
	}

	/** Every revision with its state in the database. Creates nothing. */
	public MigrationInfo info() {
		return this.runtime.info();
	}

	/** The revisions an upgrade to {@code heads} would apply, in order. Creates nothing. */
	public List<RevisionInfo> pending() {
		return this.runtime.info().pending();
	}

	/** The steps recorded in the history table, oldest first. Creates nothing. */
	public List<HistoryEntry> history() {
		return this.runtime.history();
	}

	/**
	 * Checks that the database is at the heads.
	 * @throws MigrateException naming the pending and unknown revisions when it is not
	 */
	public void check() {
		this.runtime.check();
	}

	/**
	 * Upgrades the database to a target ({@code heads}, {@code head}, an id, {@code +1}, ...).
	 * @throws MigrationFailedException when a revision fails, naming it and its statement
	 * @throws LockTimeoutException when another run holds the lock past the lock timeout
	 * @throws MigrateException when the target cannot be reached or the database holds
	 * revisions the loaded ones do not know
	 */
	public RunResult upgrade(String target) {
		return this.runtime.upgrade(target);
	}

	/**
	 * Downgrades the database to a target ({@code base}, an id, {@code -1}, ...).
	 * @throws MigrationFailedException when a revision fails, naming it and its statement
	 * @throws LockTimeoutException when another run holds the lock past the lock timeout
	 */
	public RunResult downgrade(String target) {
		return this.runtime.downgrade(target);
	}

	/**
	 * Sets the version table to the given revisions without running them.
	 * @param purge whether to delete every row first, whatever it holds
	 */
	public RunResult stamp(List<String> revisions, boolean purge) {
		return this.runtime.stamp(revisions, purge);
	}

	/**
	 * Works out what upgrading or downgrading to a target would do, with the SQL each revision
	 * would run, without changing the database (a dry run). Reads the current heads; creates
	 * nothing and takes no lock.
	 */
	public DryRun plan(Direction direction, String target) {
		return this.runtime.plan(direction, target);
	}

	/**
	 * Renders an upgrade or downgrade as a SQL script to run later without migrate (Alembic's
	 * {@code --sql}): the version tables created unless they exist, each revision's
	 * statements in {@code BEGIN;}/{@code COMMIT;} where the database has transactional DDL,
	 * the version rows and the history rows. Needs no database when the dialect or URL is set.
	 * @param range {@code from:to} (e.g. {@code base:heads}, {@code 27c6a30d7c24:1975ea83b712});
	 * an upgrade may give only {@code to}, starting at {@code base}
	 * @throws MigrateException when a revision needs the live database, naming it
	 */
	public String sql(Direction direction, String range) {
		return this.runtime.sql(direction, range);
	}

	/**
	 * Renders a stamp as a SQL script. Each revision may be written {@code from:to} to give the
	 * revision the database starts at.
	 */
	public String stampSql(List<String> revisions) {
		return this.runtime.stampSql(revisions);
	}

	/** Changes when what a fingerprint covers changes, so that older fingerprints no longer match. */
	private static final String FINGERPRINT_FORMAT = "migrate fingerprint 1";

	/** migrate's version, from the jar's manifest ({@code null} in the IDE): how revisions parse may change with it. */
	private static final String VERSION = Migrator.class.getPackage().getImplementationVersion();

	/** What the revisions are loaded from, as a builder held it when the migrator was built. */
	private record RevisionInputs(List<Location> locations, ClassLoader loader, List<Revision> given,
			List<RevisionSource> sources) {

		/** What loads the revisions and builds their graph. */
		Callable<RevisionGraph> loading() {
			return () -> {
				List<Revision> all = new ArrayList<>(new RevisionLoader(this.loader).load(this.locations));
				all.addAll(this.given);
				for (RevisionSource source : this.sources) {
					all.addAll(source.load());
				}
				return RevisionGraph.of(all);
			};
		}

		/**
		 * What takes the fingerprint of the revisions, giving {@code null} when they cannot be
		 * told; {@code null} itself when unchanged revisions are not skipped.
		 */
		Callable<String> fingerprinting(boolean skipUnchangedRevisions) {
			if (!skipUnchangedRevisions || this.sources.stream().anyMatch(SupplierSource.class::isInstance)) {
				return null; // off, or what a supplier reads is not known
			}
			return () -> {
				Fingerprint fingerprint = new Fingerprint().add(FINGERPRINT_FORMAT).add(VERSION);
				if (!new RevisionLoader(this.loader).fingerprint(this.locations, fingerprint)) {
					return null;
				}
				fingerprint.add(this.given.size());
				for (Revision revision : this.given) {
					fingerprint.add(revision);
				}
				for (RevisionSource source : this.sources) {
					if (!source.fingerprint(fingerprint)) {
						return null;
					}
				}
				return fingerprint.toString();
			};
		}

	}

	/** Revisions a supplier loads: what it reads is not known, so they have no fingerprint. */
	private record SupplierSource(Supplier<? extends Collection<Revision>> supplier) implements RevisionSource {

		@Override
		public boolean fingerprint(Fingerprint fingerprint) {
			return false;
		}

		@Override
		public Collection<Revision> load() {
			return this.supplier.get();
		}

	}

	/** Configures a {@link Migrator}. */
	public static final class Builder {

		DataSource dataSource;

		String url;

		String user;

		String password;

		final List<String> locations = new ArrayList<>();

		boolean locationsSet;

		ClassLoader classLoader;

		final List<Revision> revisions = new ArrayList<>();

		final List<RevisionSource> revisionSources = new ArrayList<>();

		boolean skipUnchangedRevisions = true;

		String table = DEFAULT_TABLE;

		String historyTable = DEFAULT_HISTORY_TABLE;

		String schema;

		Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		LockMode lockMode = LockMode.ADVISORY;

		TransactionMode transactionMode = TransactionMode.PER_REVISION;

		Duration statementTimeout;

		Duration statementLockTimeout;

		boolean ignoreUnknownRevisions;

		Dialect dialect;

		final List<MigrationListener> listeners = new ArrayList<>();

		private Builder() {
		}

		/** The database to migrate. */
		public Builder dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		/** The database to migrate, by JDBC URL, instead of a DataSource. */
		public Builder url(String url, String user, String password) {
			this.url = url;
			this.user = user;
			this.password = password;
			return this;
		}

		/**
		 * Where revisions are found: {@code classpath:db/revisions} (SQL resources and the
		 * classes of package {@code db.revisions}), {@code filesystem:DIR}. Default
		 * {@value Migrator#DEFAULT_LOCATION}.
		 */
		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		/**
		 * Where revisions are found; replaces the locations set so far. An empty list loads
		 * nothing from locations: only the revisions given to {@link #revisions}.
		 */
		public Builder locations(Collection<String> locations) {
			this.locations.clear();
			this.locations.addAll(locations);
			this.locationsSet = true;
			return this;
		}

		/** The class loader that finds classpath locations and Java revisions. */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/** Revisions built elsewhere (Java revisions that are Spring beans, for instance), added to the loaded ones. */
		public Builder revisions(Collection<Revision> revisions) {
			this.revisions.addAll(revisions);
			return this;
		}

		/**
		 * Revisions that other code loads (a scan of the application's resources, for
		 * instance), added to the loaded ones. The supplier is called once, on the thread that
		 * loads the revisions after {@link #build()}, so that its work overlaps with the
		 * command's connection too; what it throws, each command throws. What the supplier
		 * reads cannot be fingerprinted, so with it every upgrade loads the revisions (see
		 * {@link #revisions(RevisionSource)}).
		 */
		public Builder revisions(Supplier<? extends Collection<Revision>> revisions) {
			return revisions(new SupplierSource(Objects.requireNonNull(revisions, "revisions")));
		}

		/**
		 * Revisions that other code loads, as {@link #revisions(Supplier)} takes them, that can
		 * also tell whether they changed without loading them, so that an upgrade at the heads
		 * may skip loading them (see {@link #skipUnchangedRevisions(boolean)}). The source is
		 * called on the thread that loads the revisions.
		 */
		public Builder revisions(RevisionSource revisions) {
			this.revisionSources.add(Objects.requireNonNull(revisions, "revisions"));
			return this;
		}

		/**
		 * Whether an upgrade to {@code heads} skips loading the revisions when they have not
		 * changed since a run found the database at their heads, and the database is still
		 * there (default {@code true}). Each upgrade to {@code heads} (or {@code head}) that
		 * loads the revisions and ends at their heads records their fingerprint (each revision
		 * file's path, size and modification time, or its bytes where the times cannot be
		 * trusted; a jar entry's CRC) with those heads in the table
		 * {@code <table>_fingerprint}; a later upgrade whose files give the same fingerprint,
		 * on a database at those heads, lists the files instead of parsing them, and takes no
		 * lock. Revisions given to {@link #revisions(Supplier)} cannot be fingerprinted: with
		 * them, every upgrade loads the revisions.
		 */
		public Builder skipUnchangedRevisions(boolean skipUnchangedRevisions) {
			this.skipUnchangedRevisions = skipUnchangedRevisions;
			return this;
		}

		/** The version table's name; {@code alembic_version} adopts a database that Alembic managed. */
		public Builder table(String table) {
			this.table = table;
			return this;
		}

		/** The history table's name. */
		public Builder historyTable(String historyTable) {
			this.historyTable = historyTable;
			return this;
		}

		/** The schema holding both tables; the connection's default schema when not set. */
		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		/** How long a run waits for another instance's migration lock before failing. */
		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		/** How runs exclude each other. */
		public Builder lockMode(LockMode lockMode) {
			this.lockMode = lockMode;
			return this;
		}

		/** How revisions are grouped into transactions. */
		public Builder transactionMode(TransactionMode transactionMode) {
			this.transactionMode = transactionMode;
			return this;
		}

		/** The longest a migration statement may run (PostgreSQL {@code statement_timeout}); none when not set. */
		public Builder statementTimeout(Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		/**
		 * The longest a migration statement may wait for a table lock (PostgreSQL
		 * {@code lock_timeout}), so a migration behind a busy table fails fast instead of
		 * stalling traffic; none when not set.
		 */
		public Builder statementLockTimeout(Duration statementLockTimeout) {
			this.statementLockTimeout = statementLockTimeout;
			return this;
		}

		/** Whether an upgrade proceeds when the database holds revisions the loaded ones do not know. */
		public Builder ignoreUnknownRevisions(boolean ignoreUnknownRevisions) {
			this.ignoreUnknownRevisions = ignoreUnknownRevisions;
			return this;
		}

		/**
		 * The database's dialect by name ({@code postgresql}, {@code h2}, {@code mariadb},
		 * {@code mysql}), instead of asking the database: for offline scripts without one.
		 */
		public Builder dialect(String name) {
			this.dialect = (name != null) ? Dialect.forProduct(name) : null;
			return this;
		}

		/** Adds a listener told of runs, locks and steps. */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
			return this;
		}

		/**
		 * Builds the migrator. The configuration is checked now; the revisions are read and
		 * their graph validated on a thread of their own, started now, so that this work
		 * overlaps with what comes next (a command opening its connection, most often).
		 * Every command that reads them (all but {@link Migrator#history()}, and
		 * {@link Migrator#current()} when the database has one head), and
		 * {@link Migrator#graph()}, waits for them and throws what loading them threw (a
		 * {@link dev.migrate.source.RevisionSourceException} or a
		 * {@link dev.migrate.revision.RevisionException} naming the file or revision), before
		 * the command takes the migration lock or changes anything. With
		 * {@link #skipUnchangedRevisions(boolean)} on, the thread first lists the revision
		 * files to take their fingerprint, and reads them only once a command asks for them:
		 * an upgrade to the heads on a database at the heads recorded for that fingerprint
		 * never does.
		 * @throws MigrateException when the configuration is not valid
		 */
		public Migrator build() {
			return new Migrator(this);
		}

		void validate() {
			if (this.dataSource != null && this.url != null) {
				throw new MigrateException("Both a DataSource and the URL " + this.url + " are set: give the migrator"
						+ " one of them");
			}
			requireName(this.table, "table");
			requireName(this.historyTable, "historyTable");
			if (this.table.equals(this.historyTable)) {
				throw new MigrateException("The version table and the history table are both named '" + this.table
						+ "': give them different names");
			}
			if (this.schema != null && this.schema.isBlank()) {
				this.schema = null;
			}
			if (this.lockTimeout == null || this.lockTimeout.isNegative()) {
				throw new MigrateException("lockTimeout is " + this.lockTimeout
						+ ": give how long a run waits for the migration lock, 0 or more (default "
						+ DEFAULT_LOCK_TIMEOUT + ")");
			}
			requireNonNegative(this.statementTimeout, "statementTimeout");
			requireNonNegative(this.statementLockTimeout, "statementLockTimeout");
			if (this.lockMode == null) {
				throw new MigrateException("lockMode is null: use ADVISORY (the default) or TABLE");
			}
			if (this.transactionMode == null) {
				throw new MigrateException("transactionMode is null: use PER_REVISION (the default) or ALL");
			}
		}

		private static void requireName(String name, String option) {
			if (name == null || name.isBlank() || name.length() > 63) {
				throw new MigrateException(option + " is '" + name + "': give a table name of 1 to 63 characters");
			}
		}

		private static void requireNonNegative(Duration timeout, String option) {
			if (timeout != null && timeout.isNegative()) {
				throw new MigrateException(option + " is " + timeout + ": give a positive duration, 0 for none,"
						+ " or leave it unset");
			}
		}

		/**
		 * What the revisions are loaded from, with the configuration taken now: the builder may
		 * change after {@link #build()}.
		 */
		RevisionInputs inputs() {
			List<Location> parsed = new ArrayList<>();
			if (!this.locationsSet) {
				parsed.add(Location.parse(DEFAULT_LOCATION).asOptional());
			}
			else {
				for (String location : this.locations) {
					parsed.add(Location.parse(location));
				}
			}
			ClassLoader loader = (this.classLoader != null) ? this.classLoader
					: (Thread.currentThread().getContextClassLoader() != null)
							? Thread.currentThread().getContextClassLoader() : Migrator.class.getClassLoader();
			return new RevisionInputs(List.copyOf(parsed), loader, List.copyOf(this.revisions),
					List.copyOf(this.revisionSources));
		}

	}

}

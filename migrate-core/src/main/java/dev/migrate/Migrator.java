package dev.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.event.MigrationListener;
import dev.migrate.info.HistoryEntry;
import dev.migrate.info.MigrationInfo;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;

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

	private Migrator(Builder builder) {
		throw new UnsupportedOperationException("in progress");
	}

	/** Starts a migrator's configuration. */
	public static Builder builder() {
		return new Builder();
	}

	/** The loaded revisions. */
	public RevisionGraph graph() {
		throw new UnsupportedOperationException("in progress");
	}

	/** The heads recorded in the version table; empty when it does not exist. Creates nothing. */
	public List<String> current() {
		throw new UnsupportedOperationException("in progress");
	}

	/** Every revision with its state in the database. Creates nothing. */
	public MigrationInfo info() {
		throw new UnsupportedOperationException("in progress");
	}

	/** The steps recorded in the history table, oldest first. Creates nothing. */
	public List<HistoryEntry> history() {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * Checks that the database is at the heads.
	 * @throws MigrateException naming the pending and unknown revisions when it is not
	 */
	public void check() {
		throw new UnsupportedOperationException("in progress");
	}

	/** Upgrades the database to a target ({@code heads}, {@code head}, an id, {@code +1}, ...). */
	public RunResult upgrade(String target) {
		throw new UnsupportedOperationException("in progress");
	}

	/** Downgrades the database to a target ({@code base}, an id, {@code -1}, ...). */
	public RunResult downgrade(String target) {
		throw new UnsupportedOperationException("in progress");
	}

	/**
	 * Sets the version table to the given revisions without running them.
	 * @param purge whether to delete every row first, whatever it holds
	 */
	public RunResult stamp(List<String> revisions, boolean purge) {
		throw new UnsupportedOperationException("in progress");
	}

	/** Configures a {@link Migrator}. */
	public static final class Builder {

		DataSource dataSource;

		String url;

		String user;

		String password;

		final List<String> locations = new ArrayList<>();

		ClassLoader classLoader;

		final List<Revision> revisions = new ArrayList<>();

		String table = DEFAULT_TABLE;

		String historyTable = DEFAULT_HISTORY_TABLE;

		String schema;

		Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		LockMode lockMode = LockMode.ADVISORY;

		TransactionMode transactionMode = TransactionMode.PER_REVISION;

		Duration statementTimeout;

		Duration statementLockTimeout;

		boolean ignoreUnknownRevisions;

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

		/** Where revisions are found; replaces the locations set so far. */
		public Builder locations(Collection<String> locations) {
			this.locations.clear();
			this.locations.addAll(locations);
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

		/** Adds a listener told of runs, locks and steps. */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
			return this;
		}

		/**
		 * Builds the migrator, loading and validating the revisions.
		 * @throws MigrateException when the configuration or the revisions are not valid
		 */
		public Migrator build() {
			return new Migrator(this);
		}

	}

}

package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import dev.migrate.LockMode;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;

/**
 * Configuration properties of migrate, under {@code migrate.}. An application with several
 * databases can bind further instances under prefixes of its own and build their
 * {@link Migrator}s with {@link MigratorBuilders}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("migrate")
public class MigrateProperties {

	/**
	 * Whether to enable migrate.
	 */
	private boolean enabled = true;

	/**
	 * Locations of revisions: Spring resource locations such as classpath:db/revisions or
	 * file:/srv/revisions, or filesystem: directories; classpath locations also hold
	 * the @Revision classes of the matching package.
	 */
	private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/revisions"));

	/**
	 * Target revision of the startup upgrade: heads, head, an id, branch@head, +1, ...
	 */
	private String target = "heads";

	/**
	 * What to do on startup: upgrade the database to the target, validate that it is at
	 * the heads, or nothing.
	 */
	private OnStartup onStartup = OnStartup.UPGRADE;

	/**
	 * Name of the version table, which holds one row per head the database is at; set
	 * alembic_version to adopt a database that Alembic managed.
	 */
	private String table = "migrate_version";

	/**
	 * Name of the history table, which records every step that ran.
	 */
	private String historyTable = "migrate_history";

	/**
	 * Schema holding the version and history tables; the connection's default schema
	 * when not set.
	 */
	private @Nullable String schema;

	/**
	 * How runs of several instances exclude each other: the database's session lock
	 * (advisory) or a lease row in a lock table (table).
	 */
	private LockMode lock = LockMode.ADVISORY;

	/**
	 * Maximum time to wait for another instance's migration lock before failing. If a
	 * duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = Duration.ofMinutes(5);

	/**
	 * How revisions are grouped into transactions: one per revision, or one for the whole
	 * run where the database's DDL is transactional.
	 */
	private TransactionMode transactionMode = TransactionMode.PER_REVISION;

	/**
	 * Maximum time a migration statement may run (PostgreSQL statement_timeout); no limit
	 * when not set. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration statementTimeout;

	/**
	 * Maximum time a migration statement may wait for a table lock (PostgreSQL
	 * lock_timeout), so that a migration behind a busy table fails fast; no limit when not
	 * set. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration statementLockTimeout;

	/**
	 * Whether an upgrade proceeds when the database holds revisions that the application
	 * does not know, as after a rollback to an older build.
	 */
	private boolean ignoreUnknownRevisions;

	/**
	 * Whether an upgrade to the heads skips reading and parsing the revisions when their
	 * files are unchanged since a run brought the database to their heads, and the database
	 * is still there. Their fingerprint is kept in the table named after the version table
	 * with '_fingerprint'.
	 */
	private boolean skipUnchangedRevisions = true;

	/**
	 * JDBC URL of the database to migrate, for a connection of its own instead of the
	 * application's DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate; with no url, a connection to the
	 * application's database as this user.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * Fully qualified name of the JDBC driver; detected from the url by default.
	 */
	private @Nullable String driverClassName;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public LockMode getLock() {
		return this.lock;
	}

	public void setLock(LockMode lock) {
		this.lock = lock;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public TransactionMode getTransactionMode() {
		return this.transactionMode;
	}

	public void setTransactionMode(TransactionMode transactionMode) {
		this.transactionMode = transactionMode;
	}

	public @Nullable Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(@Nullable Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public @Nullable Duration getStatementLockTimeout() {
		return this.statementLockTimeout;
	}

	public void setStatementLockTimeout(@Nullable Duration statementLockTimeout) {
		this.statementLockTimeout = statementLockTimeout;
	}

	public boolean isIgnoreUnknownRevisions() {
		return this.ignoreUnknownRevisions;
	}

	public void setIgnoreUnknownRevisions(boolean ignoreUnknownRevisions) {
		this.ignoreUnknownRevisions = ignoreUnknownRevisions;
	}

	public boolean isSkipUnchangedRevisions() {
		return this.skipUnchangedRevisions;
	}

	public void setSkipUnchangedRevisions(boolean skipUnchangedRevisions) {
		this.skipUnchangedRevisions = skipUnchangedRevisions;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(@Nullable String driverClassName) {
		this.driverClassName = driverClassName;
	}

	/**
	 * What the application does with its database on startup.
	 */
	public enum OnStartup {

		/**
		 * Upgrade the database to the target revision.
		 */
		UPGRADE,

		/**
		 * Fail the start when revisions are pending or the database holds revisions the
		 * application does not know.
		 */
		VALIDATE,

		/**
		 * Leave the database alone; the revisions are still read, and one that does not
		 * load fails the start.
		 */
		NONE

	}

}

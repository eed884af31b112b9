package dev.migrate.cli;

import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, before or after the command name. Unset options are
 * {@code null} so that {@link Settings} can fall back to the environment and the
 * configuration file.
 */
final class GlobalOptions {

	@Option(names = "--location", paramLabel = "LOCATION", scope = ScopeType.INHERIT,
			description = "Where revisions are, as filesystem:DIR or classpath:PATH; repeatable "
					+ "(default: the folder db/revisions).")
	List<String> locations;

	@Option(names = "--classpath", paramLabel = "PATHS", scope = ScopeType.INHERIT,
			description = "Jars or directories holding Java revisions; repeatable or a path-separator list.")
	List<String> classpath;

	@Option(names = "--url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
			description = "JDBC URL of the database.")
	String url;

	@Option(names = "--user", paramLabel = "USER", scope = ScopeType.INHERIT, description = "Database user.")
	String user;

	@Option(names = "--password", paramLabel = "PASSWORD", scope = ScopeType.INHERIT,
			description = "Database password.")
	String password;

	@Option(names = "--table", paramLabel = "TABLE", scope = ScopeType.INHERIT,
			description = "Name of the version table (default: migrate_version).")
	String table;

	@Option(names = "--schema", paramLabel = "SCHEMA", scope = ScopeType.INHERIT,
			description = "Schema of the version table.")
	String schema;

	@Option(names = "--history-table", paramLabel = "TABLE", scope = ScopeType.INHERIT,
			description = "Name of the history table (default: migrate_history).")
	String historyTable;

	@Option(names = "--dialect", paramLabel = "postgresql|h2|mariadb", scope = ScopeType.INHERIT,
			description = "The database's dialect, for --sql without a URL (default: from the URL or the database).")
	String dialect;

	@Option(names = "--lock-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
			description = "How long upgrade, downgrade and stamp wait for another run's migration lock "
					+ "(default: 5m), as 30s, 500ms, 5m or PT5M.")
	String lockTimeout;

	@Option(names = "--statement-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
			description = "The longest a migration statement may run (PostgreSQL statement_timeout; default: none).")
	String statementTimeout;

	@Option(names = "--statement-lock-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
			description = "The longest a migration statement may wait for a table lock (PostgreSQL lock_timeout; "
					+ "default: none).")
	String statementLockTimeout;

	@Option(names = "--lock-mode", paramLabel = "advisory|table", scope = ScopeType.INHERIT,
			description = "How runs exclude each other: the database's session lock (default) or a lease row in a "
					+ "lock table (behind transaction-pooling proxies).")
	String lockMode;

	@Option(names = "--transaction-mode", paramLabel = "per-revision|all", scope = ScopeType.INHERIT,
			description = "One transaction per revision (default), or one for the whole run where DDL is "
					+ "transactional.")
	String transactionMode;

	@Option(names = "--ignore-unknown", scope = ScopeType.INHERIT,
			description = "Upgrade even when the database is at revisions these revisions do not know, leaving "
					+ "their rows alone.")
	Boolean ignoreUnknown;

	@Option(names = "--format", paramLabel = "text|json", scope = ScopeType.INHERIT,
			description = "How commands print revisions and steps (default: text).")
	Format format;

	@Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
			description = "Properties file with the same settings (default: migrate.properties when present).")
	String config;

	@Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
	boolean debug;

}

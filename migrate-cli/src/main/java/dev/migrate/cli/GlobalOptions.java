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

	@Option(names = "--format", paramLabel = "text|json", scope = ScopeType.INHERIT,
			description = "How heads, branches, history and show print (default: text).")
	Format format;

	@Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
			description = "Properties file with the same settings (default: migrate.properties when present).")
	String config;

	@Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
	boolean debug;

}

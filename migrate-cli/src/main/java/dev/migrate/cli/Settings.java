package dev.migrate.cli;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.LockMode;
import dev.migrate.TransactionMode;

/**
 * The settings of one run, each taken from the command line, else the environment
 * ({@code MIGRATE_*}), else the configuration file, else its default.
 *
 * @param locations where revisions are, in order
 * @param classpath jars and directories holding Java revisions, absolute
 * @param url the JDBC URL, or {@code null}
 * @param user the database user, or {@code null}
 * @param password the database password, or {@code null}
 * @param table the version table, or {@code null} for the engine's default
 * @param schema the version table's schema, or {@code null}
 * @param historyTable the history table, or {@code null} for the engine's default
 * @param dialect the dialect's name for offline scripts, or {@code null} to take it from the URL
 * @param lockTimeout how long a run waits for the migration lock, or {@code null} for the engine's default
 * @param statementTimeout the longest a migration statement may run, or {@code null} for none
 * @param statementLockTimeout the longest a migration statement may wait for a table lock, or {@code null}
 * @param lockMode how runs exclude each other
 * @param transactionMode how revisions are grouped into transactions
 * @param ignoreUnknown whether an upgrade proceeds past revisions in the database that are not loaded
 * @param format how revisions are printed
 * @param configFile the configuration file read, or {@code null}
 * @param origins where each setting came from, for {@code --debug}
 */
record Settings(List<LocationSetting> locations, List<Path> classpath, String url, String user, String password,
		String table, String schema, String historyTable, String dialect, Duration lockTimeout,
		Duration statementTimeout, Duration statementLockTimeout, LockMode lockMode, TransactionMode transactionMode,
		boolean ignoreUnknown, Format format, Path configFile, Map<String, String> origins) {

	/** The configuration file read from the working directory when present. */
	static final String CONFIG_FILE = "migrate.properties";

	static final String DEFAULT_LOCATION = "filesystem:db/revisions";

	static final String DEFAULT_CLASSPATH_LOCATION = "classpath:db/revisions";

	static final Set<String> KEYS = Set.of("location", "classpath", "url", "user", "password", "table", "schema",
			"history-table", "dialect", "lock-timeout", "statement-timeout", "statement-lock-timeout", "lock-mode",
			"transaction-mode", "ignore-unknown", "format");

	private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

	private static final Pattern PATH_LIST = Pattern.compile("\\s*(?:,|" + Pattern.quote(File.pathSeparator) + ")\\s*");

	/**
	 * Resolves the settings.
	 * @param options the command line
	 * @param environment the environment variables
	 * @param workingDirectory the directory relative paths on the command line and in the
	 * environment are resolved against; relative paths in the file are resolved against the
	 * file's directory
	 */
	static Settings resolve(GlobalOptions options, Map<String, String> environment, Path workingDirectory) {
		Path configFile = configFile(options, workingDirectory);
		Properties file = (configFile != null) ? read(configFile) : new Properties();
		Path fileBase = (configFile != null) ? configFile.toAbsolutePath().getParent() : workingDirectory;
		Resolver resolver = new Resolver(environment, file, configFile);

		List<LocationSetting> locations = new ArrayList<>();
		Source<List<String>> locationSource = resolver.list(options.locations, "--location", "MIGRATE_LOCATION",
				"location", COMMA);
		if (locationSource != null) {
			Path base = locationSource.fromFile() ? fileBase : workingDirectory;
			for (String location : locationSource.value()) {
				locations.add(LocationSetting.parse(location, base, false, locationSource.origin()));
			}
		}
		else {
			locations.add(LocationSetting.parse(DEFAULT_LOCATION, workingDirectory, true, "the defaults"));
		}

		List<Path> classpath = new ArrayList<>();
		Source<List<String>> classpathSource = resolver.list(options.classpath, "--classpath", "MIGRATE_CLASSPATH",
				"classpath", PATH_LIST);
		if (classpathSource != null) {
			Path base = classpathSource.fromFile() ? fileBase : workingDirectory;
			for (String entry : classpathSource.value()) {
				classpath.add(base.resolve(entry).toAbsolutePath().normalize());
			}
			if (locations.stream().noneMatch(LocationSetting::isClasspath)) {
				locations.add(LocationSetting.parse(DEFAULT_CLASSPATH_LOCATION, workingDirectory, true,
						"the defaults"));
			}
		}

		String url = resolver.value(options.url, "--url", "MIGRATE_URL", "url");
		String user = resolver.value(options.user, "--user", "MIGRATE_USER", "user");
		String password = resolver.value(options.password, "--password", "MIGRATE_PASSWORD", "password");
		String table = resolver.value(options.table, "--table", "MIGRATE_TABLE", "table");
		String schema = resolver.value(options.schema, "--schema", "MIGRATE_SCHEMA", "schema");
		String historyTable = resolver.value(options.historyTable, "--history-table", "MIGRATE_HISTORY_TABLE",
				"history-table");
		String dialect = resolver.value(options.dialect, "--dialect", "MIGRATE_DIALECT", "dialect");
		Duration lockTimeout = resolver.duration(options.lockTimeout, "--lock-timeout", "MIGRATE_LOCK_TIMEOUT",
				"lock-timeout");
		Duration statementTimeout = resolver.duration(options.statementTimeout, "--statement-timeout",
				"MIGRATE_STATEMENT_TIMEOUT", "statement-timeout");
		Duration statementLockTimeout = resolver.duration(options.statementLockTimeout, "--statement-lock-timeout",
				"MIGRATE_STATEMENT_LOCK_TIMEOUT", "statement-lock-timeout");
		LockMode lockMode = resolver.choice(options.lockMode, "--lock-mode", "MIGRATE_LOCK_MODE", "lock-mode",
				LockMode.class, LockMode.ADVISORY);
		TransactionMode transactionMode = resolver.choice(options.transactionMode, "--transaction-mode",
				"MIGRATE_TRANSACTION_MODE", "transaction-mode", TransactionMode.class, TransactionMode.PER_REVISION);
		boolean ignoreUnknown = resolver.flag(options.ignoreUnknown, "--ignore-unknown", "MIGRATE_IGNORE_UNKNOWN",
				"ignore-unknown");
		Format format = options.format;
		if (format != null) {
			resolver.origins.put("format", "--format");
		}
		else {
			String text = resolver.value(null, null, null, "format");
			format = (text != null) ? parseFormat(text, configFile) : Format.TEXT;
		}
		return new Settings(List.copyOf(locations), List.copyOf(classpath), url, user, password, table, schema,
				historyTable, dialect, lockTimeout, statementTimeout, statementLockTimeout, lockMode, transactionMode,
				ignoreUnknown, format, configFile, Map.copyOf(resolver.origins));
	}

	private static Path configFile(GlobalOptions options, Path workingDirectory) {
		if (options.config != null) {
			Path file = workingDirectory.resolve(options.config).toAbsolutePath().normalize();
			if (!Files.isRegularFile(file)) {
				throw new CliException("Configuration file " + file + " (from --config) does not exist; "
						+ "create it (migrate init writes one) or fix the path");
			}
			return file;
		}
		Path file = workingDirectory.resolve(CONFIG_FILE);
		return Files.isRegularFile(file) ? file.toAbsolutePath().normalize() : null;
	}

	private static Properties read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new CliException("Could not read configuration file " + file + ": " + ex.getMessage(), ex);
		}
		for (String key : properties.stringPropertyNames()) {
			if (!KEYS.contains(key)) {
				throw new CliException("Unknown key '" + key + "' in configuration file " + file + "; known keys are "
						+ String.join(", ", KEYS.stream().sorted().toList()));
			}
		}
		return properties;
	}

	private static Format parseFormat(String text, Path configFile) {
		try {
			return Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new CliException("Key 'format' in configuration file " + configFile + " is '" + text
					+ "'; use text or json");
		}
	}

	/** Whether any location is a {@code classpath:} one. */
	boolean hasClasspathLocation() {
		return this.locations.stream().anyMatch(LocationSetting::isClasspath);
	}

	/** The first {@code filesystem:} location, or {@code null}. */
	LocationSetting firstFilesystemLocation() {
		return this.locations.stream().filter(LocationSetting::isFilesystem).findFirst().orElse(null);
	}

	private record Source<T>(T value, String origin, boolean fromFile) {
	}

	/** Applies the precedence: command line, environment, file. */
	private static final class Resolver {

		private final Map<String, String> environment;

		private final Properties file;

		private final Path configFile;

		private final Map<String, String> origins = new LinkedHashMap<>();

		Resolver(Map<String, String> environment, Properties file, Path configFile) {
			this.environment = environment;
			this.file = file;
			this.configFile = configFile;
		}

		String value(String option, String optionName, String variable, String key) {
			if (option != null) {
				this.origins.put(key, optionName);
				return option;
			}
			String value = (variable != null) ? this.environment.get(variable) : null;
			if (value != null && !value.isBlank()) {
				this.origins.put(key, variable);
				return value.trim();
			}
			value = this.file.getProperty(key);
			if (value != null && !value.isBlank()) {
				this.origins.put(key, this.configFile + " (" + key + ")");
				return value.trim();
			}
			return null;
		}

		/** A duration as {@link Durations} reads it, or {@code null} when not set. */
		Duration duration(String option, String optionName, String variable, String key) {
			String text = value(option, optionName, variable, key);
			return (text != null) ? Durations.parse(text, describe(key)) : null;
		}

		/** One of an enum's constants, written in any case with {@code -} or {@code _}. */
		<E extends Enum<E>> E choice(String option, String optionName, String variable, String key, Class<E> type,
				E defaultValue) {
			String text = value(option, optionName, variable, key);
			if (text == null) {
				return defaultValue;
			}
			String name = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(name)) {
					return constant;
				}
			}
			throw new CliException(describe(key) + " is '" + text + "'; use one of " + String.join(", ",
					Arrays.stream(type.getEnumConstants())
						.map((constant) -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-'))
						.toList()));
		}

		/** A flag: set by the option, or {@code true}/{@code false} in the environment or the file. */
		boolean flag(Boolean option, String optionName, String variable, String key) {
			String text = value((option != null) ? option.toString() : null, optionName, variable, key);
			if (text == null) {
				return false;
			}
			String value = text.trim().toLowerCase(Locale.ROOT);
			if (value.equals("true") || value.equals("false")) {
				return Boolean.parseBoolean(value);
			}
			throw new CliException(describe(key) + " is '" + text + "'; use true or false");
		}

		/** Where a setting came from, for messages: the option, the variable or the file's key. */
		private String describe(String key) {
			String origin = this.origins.get(key);
			return (origin.startsWith("--") || origin.startsWith("MIGRATE_")) ? origin
					: "Key '" + key + "' in configuration file " + this.configFile;
		}

		Source<List<String>> list(List<String> option, String optionName, String variable, String key,
				Pattern separator) {
			if (option != null && !option.isEmpty()) {
				List<String> values = new ArrayList<>();
				for (String value : option) {
					values.addAll(split(value, separator));
				}
				this.origins.put(key, optionName);
				return new Source<>(values, optionName, false);
			}
			String value = this.environment.get(variable);
			if (value != null && !value.isBlank()) {
				this.origins.put(key, variable);
				return new Source<>(split(value, separator), variable, false);
			}
			value = this.file.getProperty(key);
			if (value != null && !value.isBlank()) {
				String origin = this.configFile + " (" + key + ")";
				this.origins.put(key, origin);
				return new Source<>(split(value, separator), origin, true);
			}
			return null;
		}

		private static List<String> split(String value, Pattern separator) {
			List<String> values = new ArrayList<>();
			for (String part : separator.split(value.trim())) {
				if (!part.isBlank()) {
					values.add(part.trim());
				}
			}
			return values;
		}

	}

}

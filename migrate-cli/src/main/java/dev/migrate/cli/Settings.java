package dev.migrate.cli;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

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
 * @param format how revisions are printed
 * @param configFile the configuration file read, or {@code null}
 * @param origins where each setting came from, for {@code --debug}
 */
record Settings(List<LocationSetting> locations, List<Path> classpath, String url, String user, String password,
		String table, String schema, Format format, Path configFile, Map<String, String> origins) {

	/** The configuration file read from the working directory when present. */
	static final String CONFIG_FILE = "migrate.properties";

	static final String DEFAULT_LOCATION = "filesystem:db/revisions";

	static final String DEFAULT_CLASSPATH_LOCATION = "classpath:db/revisions";

	static final Set<String> KEYS = Set.of("location", "classpath", "url", "user", "password", "table", "schema",
			"format");

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
		Format format = options.format;
		if (format != null) {
			resolver.origins.put("format", "--format");
		}
		else {
			String text = resolver.value(null, null, null, "format");
			format = (text != null) ? parseFormat(text, configFile) : Format.TEXT;
		}
		return new Settings(List.copyOf(locations), List.copyOf(classpath), url, user, password, table, schema, format,
				configFile, Map.copyOf(resolver.origins));
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

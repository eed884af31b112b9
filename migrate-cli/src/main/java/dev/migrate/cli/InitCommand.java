package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrate init DIR}: a revisions folder and a commented {@code migrate.properties}. */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = "Create a revisions folder and a commented migrate.properties in the working directory.")
final class InitCommand extends CliCommand {

	@Parameters(paramLabel = "DIR", description = "The revisions folder to create, e.g. db/revisions.")
	String directory;

	@Override
	void run(CliContext context) throws IOException {
		Path folder = context.resolve(this.directory);
		String config = context.options().config;
		Path configFile = (config != null) ? context.resolve(config) : context.resolve(Settings.CONFIG_FILE);
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new CliException("Path " + folder + " exists and is not a directory; choose another DIR");
		}
		if (Files.isDirectory(folder) && !isEmpty(folder)) {
			throw new CliException("Directory " + folder + " already exists and is not empty; choose another DIR");
		}
		if (Files.exists(configFile)) {
			throw new CliException("File " + configFile + " already exists; edit it, or remove it to start over");
		}
		if (!Files.isDirectory(folder)) {
			Status.run(context, "Creating directory " + folder, () -> Files.createDirectories(folder));
		}
		String location = LocationSetting.FILESYSTEM + locationText(configFile.getParent(), folder);
		Status.run(context, "Generating " + configFile, () -> {
			Files.createDirectories(configFile.getParent());
			Files.writeString(configFile, properties(location));
		});
		context.out().println("Please edit configuration/connection settings in " + configFile
				+ " before proceeding.");
	}

	private String locationText(Path configDirectory, Path folder) {
		Path written = Path.of(this.directory).isAbsolute() ? folder : configDirectory.relativize(folder);
		return written.toString().replace('\\', '/');
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	static String properties(String location) {
		return """
				# Settings of the migrate command. The command line overrides environment variables
				# (MIGRATE_LOCATION, MIGRATE_URL, ...), which override this file.

				# Where revisions are: comma-separated filesystem:DIR and classpath:PATH entries.
				# Relative directories are resolved against the directory of this file.
				location=%s

				# Jars or directories holding compiled Java revisions (classes of package db.revisions
				# are then found through classpath:db/revisions).
				#classpath=target/classes

				# The database.
				#url=jdbc:postgresql://localhost:5432/app
				#user=app
				#password=secret

				# The version table (default migrate_version; alembic_version adopts a database that
				# Alembic managed), the table of executed steps, and their schema.
				#table=migrate_version
				#history-table=migrate_history
				#schema=public

				# How long upgrade, downgrade and stamp wait for another run's migration lock, and how
				# long a migration statement may run or wait for a table lock (PostgreSQL):
				# 500ms, 30s, 5m, PT5M.
				#lock-timeout=5m
				#statement-timeout=
				#statement-lock-timeout=5s

				# advisory (the database's session lock) or table (a lease row, behind PgBouncer).
				#lock-mode=advisory
				# per-revision, or all: one transaction for the whole run where DDL is transactional.
				#transaction-mode=per-revision
				# Upgrade even when the database is at revisions these files do not know.
				#ignore-unknown=false

				# The database of offline scripts (--sql) when no url is set: postgresql, h2, mariadb.
				#dialect=postgresql

				# How commands print revisions and steps: text or json.
				#format=text
				""".formatted(location);
	}

}

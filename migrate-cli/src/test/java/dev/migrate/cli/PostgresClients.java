package dev.migrate.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's own clients, {@code pg_dump} and {@code psql}, run against a test database.
 * Tests that need them are skipped when they are not installed, unless {@code CI=true}.
 */
final class PostgresClients {

	private PostgresClients() {
	}

	/** Skips the test when pg_dump or psql is missing, unless on CI. */
	static void assumeInstalled() {
		boolean installed = onPath("pg_dump") && onPath("psql");
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("pg_dump and psql must be on the PATH when CI=true");
		}
		Assumptions.assumeTrue(installed, "pg_dump and psql are not on the PATH");
	}

	/**
	 * The schema of a database as {@code pg_dump --schema-only} prints it, without what varies
	 * between two dumps of the same schema: comments, blank lines and the {@code \restrict}
	 * lines with their random keys.
	 */
	static String schema(TestDatabase database) {
		String dump = run(database, "pg_dump", "--schema-only", "--no-owner", "--no-privileges");
		return dump.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("--") && !line.startsWith("\\restrict")
					&& !line.startsWith("\\unrestrict"))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	/** Runs a script with psql, stopping at the first error. */
	static String psql(TestDatabase database, Path script) {
		return run(database, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script.toString());
	}

	private static String run(TestDatabase database, String program, String... args) {
		URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
		List<String> command = new ArrayList<>(List.of(program, "-h", uri.getHost(), "-p",
				String.valueOf((uri.getPort() > 0) ? uri.getPort() : 5432), "-U", database.user(), "-d",
				uri.getPath().substring(1)));
		command.addAll(List.of(args));
		try {
			Path out = Files.createTempFile("migrate-" + program, ".out");
			try {
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(out.toFile());
				if (database.password() != null) {
					builder.environment().put("PGPASSWORD", database.password());
				}
				Process process = builder.start();
				assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
				String output = Files.readString(out);
				assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
				return output;
			}
			finally {
				Files.deleteIfExists(out);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(String.join(" ", command) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

}

package dev.migrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrate.cli.Cli.Result;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code migrate-cli.jar} run as separate JVMs in a working directory, with an
 * environment of {@code MIGRATE_*} variables (those of this JVM removed).
 */
final class MigrateJar {

	static final Path JAR = Path.of(System.getProperty("migrate.cli.jar", "target/migrate-cli.jar"));

	private final Path directory;

	private final Map<String, String> environment = new HashMap<>();

	MigrateJar(Path directory) {
		this.directory = directory;
	}

	/** Fails the test when the jar is not built. */
	static void assertBuilt() {
		assertThat(JAR).as("run 'mvn package' first").isRegularFile();
	}

	MigrateJar env(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	MigrateJar env(Map<String, String> environment) {
		this.environment.putAll(environment);
		return this;
	}

	/** Sets {@code MIGRATE_URL}, {@code MIGRATE_USER} and {@code MIGRATE_PASSWORD} for a test database. */
	MigrateJar database(TestDatabase database) {
		env("MIGRATE_URL", database.jdbcUrl());
		if (database.user() != null) {
			env("MIGRATE_USER", database.user());
		}
		if (database.password() != null) {
			env("MIGRATE_PASSWORD", database.password());
		}
		return this;
	}

	/** Runs a command to its end (at most a minute). */
	Result run(String... args) {
		return start(args).await();
	}

	/** Runs a command that must succeed. */
	Result ok(String... args) {
		Result result = run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

	/** Starts a command; its output goes to files in the working directory. */
	Launched start(String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.add("-Xshare:auto");
		command.add("-jar");
		command.add(JAR.toAbsolutePath().toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("MIGRATE_"));
		builder.environment().putAll(this.environment);
		try {
			Path out = Files.createTempFile(this.directory, "out", ".txt");
			Path err = Files.createTempFile(this.directory, "err", ".txt");
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			return new Launched(String.join(" ", args), process, out, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A started command. */
	record Launched(String command, Process process, Path out, Path err) {

		/** What it printed on stderr so far. */
		String errSoFar() {
			try {
				return Files.readString(this.err);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Waits for it to end (at most a minute) and reads what it printed. */
		Result await() {
			try {
				boolean ended = this.process.waitFor(60, TimeUnit.SECONDS);
				if (!ended) {
					this.process.destroyForcibly();
				}
				assertThat(ended).as("migrate " + this.command + " ended within a minute; stderr:\n" + errSoFar())
					.isTrue();
				Result result = new Result(this.process.exitValue(), Files.readString(this.out),
						Files.readString(this.err));
				Files.delete(this.out);
				Files.delete(this.err);
				return result;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}

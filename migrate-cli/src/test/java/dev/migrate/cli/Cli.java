package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Runs the command line in-process with captured output, an injected environment and directory. */
final class Cli {

	static final Instant NOW = Instant.parse("2026-11-24T10:30:00Z");

	private final Path workingDirectory;

	private final Map<String, String> environment = new HashMap<>();

	private final Random random = new Random(42);

	Cli(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	Cli env(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CliContext context = new CliContext(this.environment, this.workingDirectory, new PrintWriter(out, true),
				new PrintWriter(err, true), Clock.fixed(NOW, ZoneOffset.UTC), this.random);
		int exitCode = Main.run(args, context);
		return new Result(exitCode, out.toString(), err.toString());
	}

	/**
	 * What a run printed and returned.
	 *
	 * @param exitCode the exit code
	 * @param out standard output
	 * @param err standard error
	 */
	record Result(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- out\n" + this.out + "--- err\n" + this.err;
		}

	}

}

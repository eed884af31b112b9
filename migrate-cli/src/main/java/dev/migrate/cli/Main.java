package dev.migrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import dev.migrate.MigrateException;
import picocli.CommandLine;

/**
 * The {@code migrate} command line: Alembic's commands over revisions in SQL files and Java
 * classes. Exit codes: 0 success, 1 an error in the revisions, a target or a file (one
 * {@code ERROR:} line on stderr), 2 a usage error.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true);
		PrintWriter err = new PrintWriter(System.err, true);
		CliContext context = new CliContext(System.getenv(), Path.of(""), out, err, Clock.systemDefaultZone(),
				new SecureRandom());
		System.exit(run(args, context));
	}

	/** Runs one command line in the given context and returns its exit code. */
	static int run(String[] args, CliContext context) {
		try (context) {
			MigrateCommand migrate = new MigrateCommand(context);
			CommandLine commandLine = new CommandLine(migrate);
			commandLine.setOut(context.out());
			commandLine.setErr(context.err());
			commandLine.setCaseInsensitiveEnumValuesAllowed(true);
			commandLine.setExecutionExceptionHandler(
					(ex, line, parseResult) -> report(ex, context, migrate.options.debug));
			try {
				return commandLine.execute(args);
			}
			catch (LinkageError ex) {
				return report(ex, context, migrate.options.debug);
			}
		}
		catch (Exception ex) {
			context.err().println("ERROR: " + ex);
			return 1;
		}
	}

	/** Prints an error: its message for ours, the exception otherwise; the stack trace with --debug. */
	static int report(Throwable ex, CliContext context, boolean debug) {
		PrintWriter err = context.err();
		if (ex instanceof MigrateException) {
			err.println("ERROR: " + ex.getMessage());
		}
		else {
			err.println("ERROR: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
		}
		if (debug) {
			ex.printStackTrace(err);
		}
		err.flush();
		return 1;
	}

}

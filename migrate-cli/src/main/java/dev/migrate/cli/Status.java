package dev.migrate.cli;

import java.io.IOException;
import java.io.PrintWriter;

/** Alembic's status lines: {@code Generating x ...  done}, or {@code  FAILED}. */
final class Status {

	private Status() {
	}

	static void run(CliContext context, String text, Action action) throws IOException {
		PrintWriter out = context.out();
		out.print(text + " ...");
		out.flush();
		try {
			action.run();
		}
		catch (IOException | RuntimeException ex) {
			out.println("  FAILED");
			throw ex;
		}
		out.println("  done");
	}

	/** Work reported by a status line. */
	interface Action {

		void run() throws IOException;

	}

}

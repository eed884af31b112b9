package dev.migrate.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrate show TARGET}: the revisions a target names, in full (Alembic's {@code show}). */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the revision(s) a target names.")
final class ShowCommand extends CliCommand {

	@Parameters(paramLabel = "TARGET",
			description = "An id, a prefix, head, heads, label@head, current (the database's revisions), ...")
	String target;

	@Override
	void run(CliContext context) {
		if (this.target.equals("current")) {
			List<String> current = context.migrator("show current").current();
			context.print(context.views().of(context.graph().revisions(current)), RevisionText::entry);
			return;
		}
		context.print(context.views().of(context.graph().revisions(this.target)), RevisionText::entry);
	}

}

package dev.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrate show TARGET}: the revisions a target names, in full (Alembic's {@code show}). */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the revision(s) a target names.")
final class ShowCommand extends CliCommand {

	@Parameters(paramLabel = "TARGET", description = "An id, a prefix, head, heads, label@head, ...")
	String target;

	@Override
	void run(CliContext context) {
		if (this.target.equals("current")) {
			throw context.needsDatabase("show current");
		}
		context.print(context.views().of(context.graph().revisions(this.target)), RevisionText::entry);
	}

}

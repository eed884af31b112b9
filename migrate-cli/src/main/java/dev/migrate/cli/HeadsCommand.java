package dev.migrate.cli;

import java.util.List;

import dev.migrate.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate heads}: the head revisions (Alembic's {@code heads}). */
@Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the current head revisions.")
final class HeadsCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each head in full.")
	boolean verbose;

	@Option(names = "--resolve-dependencies",
			description = "Leave out heads that another revision depends on (the heads after upgrading).")
	boolean resolveDependencies;

	@Override
	void run(CliContext context) {
		RevisionGraph graph = context.graph();
		List<String> heads = this.resolveDependencies ? graph.realHeads() : graph.heads();
		context.print(context.views().ofIds(heads),
				(revision) -> RevisionText.format(revision, this.verbose, true, false, false, false));
	}

}
